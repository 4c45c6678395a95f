package ai.persona.infra;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the local broker authenticates and authorizes, as the deployed one does: every listener takes SASL, the cluster
 * authorizes with ACLs and denies what none allows. The node logs in to itself (controller and inter-broker traffic,
 * and the admin client that creates the users) with PLAIN and a password made at each start; clients log in with
 * SCRAM-SHA-512 as their own user ({@link KafkaLogins}, {@link KafkaUsers}). No listener stays anonymous: with one,
 * {@code User:ANONYMOUS} would have to be a super user that any local client reaches.
 */
final class BrokerSecurity {

    /** The node's own principal, a super user. */
    static final String NODE_USER = "node";
    private static final String PLAIN = "PLAIN";

    private BrokerSecurity() {
    }

    /** Broker settings for a client listener and a controller listener, both SASL_PLAINTEXT on the loopback. */
    static Map<String, String> config(String clientListener, String controllerListener, String nodePassword) {
        String nodeLogin = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + NODE_USER
                + "\" password=\"" + nodePassword + "\" user_" + NODE_USER + "=\"" + nodePassword + "\";";
        String client = prefix(clientListener);
        String controller = prefix(controllerListener);
        Map<String, String> props = new HashMap<>();
        props.put("listener.security.protocol.map", clientListener + ":" + KafkaLogins.PROTOCOL + ","
                + controllerListener + ":" + KafkaLogins.PROTOCOL);
        props.put("sasl.mechanism.inter.broker.protocol", PLAIN);
        props.put("sasl.mechanism.controller.protocol", PLAIN);
        props.put(client + "sasl.enabled.mechanisms", PLAIN + "," + KafkaLogins.MECHANISM);
        props.put(client + "plain.sasl.jaas.config", nodeLogin);
        props.put(client + "scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        props.put(controller + "sasl.enabled.mechanisms", PLAIN);
        props.put(controller + "plain.sasl.jaas.config", nodeLogin);
        props.put("authorizer.class.name", StandardAuthorizer.class.getName());
        props.put("super.users", "User:" + NODE_USER + ";User:" + KafkaLogins.ADMIN);
        props.put("allow.everyone.if.no.acl.found", "false");
        return props;
    }

    /** What the node's own admin client sets to log in (PLAIN, this start's password). */
    static Map<String, Object> nodeClientConfig(String nodePassword) {
        return Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, KafkaLogins.PROTOCOL,
                SaslConfigs.SASL_MECHANISM, PLAIN,
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"" + NODE_USER + "\" password=\"" + nodePassword + "\";");
    }

    private static String prefix(String listener) {
        return "listener.name." + listener.toLowerCase(Locale.ROOT) + ".";
    }
}
