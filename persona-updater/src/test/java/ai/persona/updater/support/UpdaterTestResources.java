package ai.persona.updater.support;

import ai.persona.identity.ServiceIdentity;
import ai.persona.infra.KafkaTestResource;
import ai.persona.infra.ManagementPortTestResource;
import ai.persona.infra.PostgresTestResource;
import ai.persona.infra.ServiceKeysTestResource;
import ai.persona.infra.testing.OpenAiStubResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The real PostgreSQL and Kafka of local-infra, the HTTP stub of the model, the service keys (every RestAssured call
 * carries an admin token, see {@link ServiceTokens}), the users' content keys ({@link SessionServiceKeysResource}) and
 * the management port, for every test class of the module (one
 * Quarkus start shared by all of them, plus one per test profile).
 */
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = PostgresTestResource.DATABASE_ARG, value = "persona_updater"))
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = KafkaTestResource.TOPICS_ARG, value = UpdaterTestResources.TOPICS))
@QuarkusTestResource(value = OpenAiStubResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SessionServiceKeysResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ServiceKeysTestResource.class, restrictToAnnotatedClass = false, initArgs = {
        @ResourceArg(name = ServiceKeysTestResource.VERIFIES_ARG, value = "true"),
        @ResourceArg(name = ServiceKeysTestResource.SIGNS_AS_ARG, value = ServiceIdentity.UPDATER) })
@QuarkusTestResource(value = ManagementPortTestResource.class, restrictToAnnotatedClass = false)
public final class UpdaterTestResources {

    public static final String TOPICS = "persona.conversations.completed.v1:1,persona.changed.v1:1:compact,"
            + "persona.patches.proposed.v1:1,persona.dead-letter.v1:1,persona.session-events.v1:1";

    private UpdaterTestResources() {
    }
}
