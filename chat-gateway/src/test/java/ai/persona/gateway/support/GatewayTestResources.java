package ai.persona.gateway.support;

import ai.persona.identity.ServiceIdentity;
import ai.persona.infra.KafkaTestResource;
import ai.persona.infra.ManagementPortTestResource;
import ai.persona.infra.PostgresTestResource;
import ai.persona.infra.ServiceKeysTestResource;
import ai.persona.infra.testing.OpenAiStubResource;
import ai.persona.infra.testing.UserKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * What every test of the gateway runs against: the real PostgreSQL (the gateway's own chat_gateway database) and Kafka
 * of local-infra, the real session-service as a process, an HTTP-level stub of the model (the only stand-in), and a
 * key pair for users' tokens, the service keys the gateway calls session-service with, and the management port its
 * health and metrics are read on.
 */
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = PostgresTestResource.DATABASE_ARG, value = "chat_gateway"))
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = KafkaTestResource.TOPICS_ARG, value = GatewayTestResources.TOPICS))
@QuarkusTestResource(value = SessionServiceProcess.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OpenAiStubResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = UserKeysTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ServiceKeysTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = ServiceKeysTestResource.SIGNS_AS_ARG, value = ServiceIdentity.GATEWAY))
@QuarkusTestResource(value = ManagementPortTestResource.class, restrictToAnnotatedClass = false)
public final class GatewayTestResources {

    public static final String TOPICS = "persona.session-events.v1:3,persona.conversations.completed.v1:3,persona.changed.v1:3:compact,"
            + "persona.patches.proposed.v1:3,persona.dead-letter.v1:1";

    private GatewayTestResources() {
    }
}
