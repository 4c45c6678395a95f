package ai.persona.session;

import ai.persona.infra.KafkaTestResource;
import ai.persona.infra.ManagementPortTestResource;
import ai.persona.infra.PostgresTestResource;
import ai.persona.infra.ServiceKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The real PostgreSQL and Kafka every test of this module talks to, started once for the module's JVM, and the service
 * keys its callers' tokens are verified with (every RestAssured call carries an admin token, see {@link ServiceTokens}),
 * and the management port health and metrics are read on.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "session_service"))
@QuarkusTestResource(value = KafkaTestResource.class, initArgs = @ResourceArg(name = "topics",
        value = "persona.session-events.v1:3,persona.conversations.completed.v1:3,persona.patches.proposed.v1:3,"
                + "persona.changed.v1:3:compact,persona.dead-letter.v1:1"))
@QuarkusTestResource(value = ServiceKeysTestResource.class,
        initArgs = @ResourceArg(name = ServiceKeysTestResource.VERIFIES_ARG, value = "true"))
@QuarkusTestResource(ManagementPortTestResource.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
