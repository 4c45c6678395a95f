package ai.persona.session;

import ai.persona.infra.KafkaTestResource;
import ai.persona.infra.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The real PostgreSQL and Kafka every test of this module talks to, started once for the module's JVM. */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "session_service"))
@QuarkusTestResource(value = KafkaTestResource.class, initArgs = @ResourceArg(name = "topics",
        value = "persona.session-events.v1:3,persona.conversations.completed.v1:3,persona.patches.proposed.v1:3,"
                + "persona.changed.v1:3:compact,persona.dead-letter.v1:1"))
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
