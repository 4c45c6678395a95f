package ai.persona.updater.support;

import ai.persona.infra.KafkaTestResource;
import ai.persona.infra.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The real PostgreSQL and Kafka of local-infra and the HTTP stub of the model, for every test class of the module (one
 * Quarkus start shared by all of them, plus one per test profile).
 */
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = PostgresTestResource.DATABASE_ARG, value = "persona_updater"))
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = KafkaTestResource.TOPICS_ARG, value = TestKafka.TOPICS))
@QuarkusTestResource(value = LlmStubResource.class, restrictToAnnotatedClass = false)
public final class UpdaterTestResources {

    private UpdaterTestResources() {
    }
}
