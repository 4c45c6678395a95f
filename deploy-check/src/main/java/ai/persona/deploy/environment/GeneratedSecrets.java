package ai.persona.deploy.environment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import ai.persona.deploy.manifest.Manifest;
import ai.persona.deploy.manifest.Manifests;

/**
 * The Secrets that the operators of deploy/k8s/infra generate, by name, with their keys: CloudNativePG's application
 * login per Cluster, Strimzi's login per KafkaUser and CA per Kafka cluster.
 */
final class GeneratedSecrets {

    /** Keys of the Secret {@code <cluster>-app} that CloudNativePG generates for a Cluster's application owner. */
    static final Set<String> CNPG_APP_SECRET_KEYS = Set.of("username", "password", "host", "port", "dbname", "uri",
            "jdbc-uri", "fqdn-uri", "fqdn-jdbc-uri", "pgpass", "user");
    private static final Set<String> STRIMZI_TLS_USER_KEYS =
            Set.of("ca.crt", "user.crt", "user.key", "user.p12", "user.password");
    private static final Set<String> STRIMZI_SCRAM_USER_KEYS = Set.of("password", "sasl.jaas.config");
    private static final Set<String> STRIMZI_CLUSTER_CA_KEYS = Set.of("ca.crt", "ca.p12", "ca.password");

    private GeneratedSecrets() {
    }

    static Map<String, Set<String>> in(Manifests manifests) {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        for (Manifest cluster : manifests.cloudNativePg("Cluster")) {
            secrets.put(cluster.name() + "-app", CNPG_APP_SECRET_KEYS);
        }
        for (Manifest user : manifests.strimzi("KafkaUser")) {
            String type = Manifests.generic(user).get("spec", "authentication", "type");
            secrets.put(user.name(), "tls".equals(type) ? STRIMZI_TLS_USER_KEYS : STRIMZI_SCRAM_USER_KEYS);
        }
        for (Manifest kafka : manifests.strimzi("Kafka")) {
            secrets.put(kafka.name() + "-cluster-ca-cert", STRIMZI_CLUSTER_CA_KEYS);
        }
        return secrets;
    }
}
