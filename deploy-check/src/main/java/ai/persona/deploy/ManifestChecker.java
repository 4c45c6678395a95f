package ai.persona.deploy;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.events.EventContract;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * What matters in the manifests under deploy/k8s/, as lists of {@link Finding}s (empty: all well). Each method checks
 * one concern, so a test can show that removing one thing is reported.
 */
public final class ManifestChecker {

    /** Keys of the Secret {@code <cluster>-app} that CloudNativePG generates for a Cluster's application owner. */
    static final Set<String> CNPG_APP_SECRET_KEYS = Set.of("username", "password", "host", "port", "dbname", "uri",
            "jdbc-uri", "fqdn-uri", "fqdn-jdbc-uri", "pgpass", "user");
    private static final Pattern POSTGRES_URL = Pattern.compile("^(?:jdbc:)?postgresql://([^:/?]+)(?::(\\d+))?/([^?]+).*");
    private static final Pattern CREDENTIAL_NAME = Pattern.compile("(?i).*(password|passwd|secret|token|api[-_]?key|private[-_]?key).*");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PriorityClass", "StorageClass", "PersistentVolume");

    private final List<Manifest> manifests;
    private final Set<String> externalSecrets;

    /**
     * @param externalSecrets Secrets created in the cluster by the operator (documented, never committed), which
     *        Deployments may reference besides the ones the operators of deploy/k8s/infra generate
     */
    public ManifestChecker(List<Manifest> manifests, Set<String> externalSecrets) {
        this.manifests = List.copyOf(manifests);
        this.externalSecrets = Set.copyOf(externalSecrets);
    }

    /** Everything, for the given services. */
    public List<Finding> all(Collection<ServiceContract> services) {
        List<Finding> findings = new ArrayList<>(workloads());
        services.forEach(s -> findings.addAll(environment(s)));
        findings.addAll(topics(services));
        findings.addAll(secrets());
        findings.addAll(references());
        findings.addAll(new KafkaAccessRule(manifests).check());
        return findings;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Deployments: probes, resources, security, metrics

    /** Every Deployment: three probes, requests and limits, non-root and locked down, scraped by Prometheus. */
    public List<Finding> workloads() {
        List<Finding> findings = new ArrayList<>();
        for (Manifest m : manifests) {
            if (!(m.resource() instanceof Deployment deployment)) {
                continue;
            }
            PodSpec pod = deployment.getSpec() == null || deployment.getSpec().getTemplate() == null ? null
                    : deployment.getSpec().getTemplate().getSpec();
            if (pod == null || pod.getContainers() == null || pod.getContainers().isEmpty()) {
                findings.add(new Finding(m.where(), "has no containers"));
                continue;
            }
            if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                    || Boolean.TRUE.equals(pod.getHostIPC())) {
                findings.add(new Finding(m.where(), "shares the node's network, PID or IPC namespace"));
            }
            for (Container c : pod.getContainers()) {
                String where = m.where() + " container " + c.getName();
                probe(findings, where, "liveness", c.getLivenessProbe());
                probe(findings, where, "readiness", c.getReadinessProbe());
                probe(findings, where, "startup", c.getStartupProbe());
                resources(findings, where, c.getResources());
                security(findings, where, pod.getSecurityContext(), c.getSecurityContext());
            }
            for (Container c : Optional.ofNullable(pod.getInitContainers()).orElse(List.of())) {
                String where = m.where() + " init container " + c.getName();
                resources(findings, where, c.getResources());
                security(findings, where, pod.getSecurityContext(), c.getSecurityContext());
            }
            scraping(findings, m.where(), deployment, pod);
        }
        return findings;
    }

    private static void probe(List<Finding> findings, String where, String kind, Probe probe) {
        if (probe == null) {
            findings.add(new Finding(where, "has no " + kind + " probe"));
        } else if (probe.getHttpGet() == null && probe.getTcpSocket() == null && probe.getExec() == null
                && probe.getGrpc() == null) {
            findings.add(new Finding(where, "has a " + kind + " probe that checks nothing"));
        }
    }

    private static void resources(List<Finding> findings, String where, ResourceRequirements resources) {
        Map<String, Quantity> requests = resources == null || resources.getRequests() == null ? Map.of()
                : resources.getRequests();
        Map<String, Quantity> limits = resources == null || resources.getLimits() == null ? Map.of()
                : resources.getLimits();
        for (String resource : List.of("cpu", "memory")) {
            if (!requests.containsKey(resource)) {
                findings.add(new Finding(where, "has no " + resource + " request"));
            }
            if (!limits.containsKey(resource)) {
                findings.add(new Finding(where, "has no " + resource + " limit"));
            }
            if (requests.containsKey(resource) && limits.containsKey(resource) && Quantity
                    .getAmountInBytes(requests.get(resource)).compareTo(Quantity.getAmountInBytes(limits.get(resource))) > 0) {
                findings.add(new Finding(where, "requests more " + resource + " than its limit"));
            }
        }
    }

    private static void security(List<Finding> findings, String where, PodSecurityContext pod, SecurityContext container) {
        PodSecurityContext p = pod == null ? new PodSecurityContext() : pod;
        SecurityContext c = container == null ? new SecurityContext() : container;
        Boolean nonRoot = c.getRunAsNonRoot() != null ? c.getRunAsNonRoot() : p.getRunAsNonRoot();
        Long user = c.getRunAsUser() != null ? c.getRunAsUser() : p.getRunAsUser();
        if (!Boolean.TRUE.equals(nonRoot)) {
            findings.add(new Finding(where, "does not set runAsNonRoot: true"));
        }
        if (user == null) {
            findings.add(new Finding(where, "sets no runAsUser (a UID that is not 0)"));
        } else if (user == 0L) {
            findings.add(new Finding(where, "runs as root (runAsUser: 0)"));
        }
        if (!Boolean.FALSE.equals(c.getAllowPrivilegeEscalation())) {
            findings.add(new Finding(where, "does not set allowPrivilegeEscalation: false"));
        }
        if (Boolean.TRUE.equals(c.getPrivileged())) {
            findings.add(new Finding(where, "is privileged"));
        }
        if (c.getCapabilities() == null || c.getCapabilities().getDrop() == null
                || !c.getCapabilities().getDrop().contains("ALL")) {
            findings.add(new Finding(where, "does not drop ALL capabilities"));
        }
        if (c.getCapabilities() != null && c.getCapabilities().getAdd() != null && !c.getCapabilities().getAdd().isEmpty()) {
            findings.add(new Finding(where, "adds capabilities " + c.getCapabilities().getAdd()));
        }
        if (!Boolean.TRUE.equals(c.getReadOnlyRootFilesystem())) {
            findings.add(new Finding(where, "does not set readOnlyRootFilesystem: true"));
        }
    }

    private static void scraping(List<Finding> findings, String where, Deployment deployment, PodSpec pod) {
        Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata() == null ? null
                : deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        if (annotations == null || !"true".equals(annotations.get("prometheus.io/scrape"))) {
            findings.add(new Finding(where, "its pods are not annotated prometheus.io/scrape: \"true\""));
            return;
        }
        String port = annotations.get("prometheus.io/port");
        boolean served = pod.getContainers().stream()
                .flatMap(c -> Optional.ofNullable(c.getPorts()).orElse(List.of()).stream())
                .map(ContainerPort::getContainerPort).filter(Objects::nonNull)
                .anyMatch(p -> String.valueOf(p).equals(port));
        if (!served) {
            findings.add(new Finding(where, "prometheus.io/port " + port + " is not a port of its containers"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Environment

    /** Every variable the service reads at startup is provided by its Deployment, from sources that exist. */
    public List<Finding> environment(ServiceContract service) {
        List<Finding> findings = new ArrayList<>();
        String serviceWhere = "service " + service.name();
        for (String name : service.mustSet()) {
            if (!service.envReferences().contains(name)) {
                findings.add(new Finding(serviceWhere, name + " is expected to be set by the manifest, but "
                        + "application.properties no longer reads it: update the list"));
            }
        }
        Optional<Manifest> found = manifests.stream()
                .filter(m -> m.resource() instanceof Deployment && service.name().equals(m.name())).findFirst();
        if (found.isEmpty()) {
            findings.add(new Finding(serviceWhere, "has no Deployment named " + service.name()));
            return findings;
        }
        Manifest m = found.get();
        PodSpec pod = ((Deployment) m.resource()).getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().stream().filter(c -> service.name().equals(c.getName())).findFirst()
                .orElse(pod.getContainers().get(0));
        String where = m.where() + " container " + container.getName();

        Set<String> provided = new TreeSet<>();
        for (EnvVar env : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
            provided.add(env.getName());
            if (env.getValueFrom() != null) {
                source(findings, where, env.getName(), env.getValueFrom());
            } else if (env.getValue() != null && !env.getValue().isEmpty() && CREDENTIAL_NAME.matcher(env.getName()).matches()) {
                findings.add(new Finding(where, env.getName() + " is a credential given as a plain value: use a secretKeyRef"));
            }
        }
        for (EnvFromSource from : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            if (from.getConfigMapRef() != null) {
                Optional<ConfigMap> map = configMap(from.getConfigMapRef().getName());
                if (map.isEmpty()) {
                    if (!Boolean.TRUE.equals(from.getConfigMapRef().getOptional())) {
                        findings.add(new Finding(where, "takes its environment from ConfigMap "
                                + from.getConfigMapRef().getName() + ", which no manifest declares"));
                    }
                } else if (map.get().getData() != null) {
                    map.get().getData().keySet().forEach(k -> provided.add(prefix + k));
                }
            }
            if (from.getSecretRef() != null) {
                findings.add(new Finding(where, "takes its environment from the whole Secret " + from.getSecretRef().getName()
                        + ", whose keys cannot be checked: map each variable with a secretKeyRef"));
            }
        }
        for (String name : service.requiredEnv()) {
            if (!provided.contains(name)) {
                findings.add(new Finding(where, service.name() + " reads " + name
                        + " at startup, but the Deployment does not provide it"));
            }
        }
        return findings;
    }

    private void source(List<Finding> findings, String where, String name, EnvVarSource source) {
        if (source.getConfigMapKeyRef() != null) {
            String map = source.getConfigMapKeyRef().getName();
            String key = source.getConfigMapKeyRef().getKey();
            boolean optional = Boolean.TRUE.equals(source.getConfigMapKeyRef().getOptional());
            Optional<ConfigMap> found = configMap(map);
            if (found.isEmpty()) {
                findings.add(new Finding(where, name + " comes from ConfigMap " + map + ", which no manifest declares"));
            } else if (!optional && (found.get().getData() == null || !found.get().getData().containsKey(key))) {
                findings.add(new Finding(where, name + " comes from key " + key + " of ConfigMap " + map + ", which it lacks"));
            }
        }
        if (source.getSecretKeyRef() != null) {
            String secret = source.getSecretKeyRef().getName();
            String key = source.getSecretKeyRef().getKey();
            Set<String> generated = generatedSecrets().get(secret);
            if (generated != null) {
                if (!generated.contains(key)) {
                    findings.add(new Finding(where, name + " comes from key " + key + " of Secret " + secret
                            + ", which its operator does not generate (it has " + new TreeSet<>(generated) + ")"));
                }
            } else if (!externalSecrets.contains(secret)) {
                findings.add(new Finding(where, name + " comes from Secret " + secret
                        + ", which is neither generated by an operator here nor documented as created by hand"));
            }
        }
    }

    /** Secrets that the operators of deploy/k8s/infra generate, by name, with their keys. */
    private Map<String, Set<String>> generatedSecrets() {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        for (GenericKubernetesResource cluster : generic("postgresql.cnpg.io/", "Cluster")) {
            secrets.put(cluster.getMetadata().getName() + "-app", CNPG_APP_SECRET_KEYS);
        }
        secrets.putAll(KafkaAccessRule.generatedSecrets(manifests));
        return secrets;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Kafka topics

    /**
     * Every topic a service uses, and every topic of the event contract, is a KafkaTopic of a declared Kafka cluster;
     * the persona topic is compacted; no consumer has more replicas than its topics have partitions.
     */
    public List<Finding> topics(Collection<ServiceContract> services) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Manifest> declared = new LinkedHashMap<>();
        for (Manifest m : manifests) {
            if (m.resource() instanceof GenericKubernetesResource topic && isStrimzi(topic, "KafkaTopic")) {
                String name = Optional.ofNullable(topic.<String>get("spec", "topicName")).orElse(m.name());
                declared.put(name, m);
                checkTopic(findings, m, topic);
            }
        }
        for (ServiceContract service : services) {
            for (String topic : service.topics()) {
                if (!declared.containsKey(topic)) {
                    findings.add(new Finding("service " + service.name(), "uses topic " + topic
                            + ", which no KafkaTopic declares"));
                }
            }
            Integer replicas = deploymentReplicas(service.name());
            for (String topic : service.consumedTopics()) {
                Integer partitions = declared.containsKey(topic) ? integer(((GenericKubernetesResource) declared.get(topic)
                        .resource()).get("spec", "partitions")) : null;
                if (replicas != null && partitions != null && replicas > partitions) {
                    findings.add(new Finding("service " + service.name(), replicas + " replicas consume topic " + topic
                            + " of " + partitions + " partitions: the extra consumers would stay idle"));
                }
            }
        }
        Set<String> contract = new TreeSet<>();
        for (EventContract event : EventContract.values()) {
            contract.add(event.topic());
        }
        contract.add(EventContract.DEAD_LETTER_TOPIC);
        for (String topic : contract) {
            if (!declared.containsKey(topic)) {
                findings.add(new Finding("event contract", "topic " + topic + " has no KafkaTopic"));
            }
        }
        Manifest persona = declared.get(EventContract.PERSONA_CHANGED.topic());
        if (persona != null) {
            Object policy = ((GenericKubernetesResource) persona.resource()).get("spec", "config", "cleanup.policy");
            if (policy == null || !String.valueOf(policy).contains("compact")) {
                findings.add(new Finding(persona.where(), "the persona topic must be compacted (cleanup.policy: compact), "
                        + "it is " + policy));
            }
        }
        return findings;
    }

    private void checkTopic(List<Finding> findings, Manifest m, GenericKubernetesResource topic) {
        Integer partitions = integer(topic.get("spec", "partitions"));
        Integer replicas = integer(topic.get("spec", "replicas"));
        if (partitions == null || partitions < 1) {
            findings.add(new Finding(m.where(), "declares no partition count"));
        }
        if (replicas == null || replicas < 1) {
            findings.add(new Finding(m.where(), "declares no replication factor"));
        }
        String cluster = m.resource().getMetadata().getLabels() == null ? null
                : m.resource().getMetadata().getLabels().get("strimzi.io/cluster");
        if (cluster == null || generic("kafka.strimzi.io/", "Kafka").stream()
                .noneMatch(k -> cluster.equals(k.getMetadata().getName()))) {
            findings.add(new Finding(m.where(), "its label strimzi.io/cluster names no declared Kafka: " + cluster));
            return;
        }
        int brokers = generic("kafka.strimzi.io/", "KafkaNodePool").stream()
                .filter(p -> p.getMetadata().getLabels() != null
                        && cluster.equals(p.getMetadata().getLabels().get("strimzi.io/cluster")))
                .filter(p -> String.valueOf(p.<Object>get("spec", "roles")).contains("broker"))
                .mapToInt(p -> Optional.ofNullable(integer(p.get("spec", "replicas"))).orElse(0)).sum();
        if (replicas != null && replicas > brokers) {
            findings.add(new Finding(m.where(), replicas + " replicas but Kafka " + cluster + " has " + brokers + " brokers"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Secrets

    /** No Secret with values is committed, and no ConfigMap holds what looks like a credential. */
    public List<Finding> secrets() {
        List<Finding> findings = new ArrayList<>();
        for (Manifest m : manifests) {
            if (m.resource() instanceof Secret secret) {
                boolean values = (secret.getData() != null && !secret.getData().isEmpty())
                        || (secret.getStringData() != null && !secret.getStringData().isEmpty());
                findings.add(new Finding(m.where(), values ? "a Secret with values is committed: create it in the cluster "
                        + "instead (deploy/k8s/README.md)" : "a Secret is committed: create it in the cluster instead"));
            } else if (m.kind().equals("Secret")) {
                findings.add(new Finding(m.where(), "a Secret is committed"));
            }
            if (m.resource() instanceof ConfigMap map && map.getData() != null) {
                map.getData().keySet().stream().filter(k -> CREDENTIAL_NAME.matcher(k).matches())
                        .forEach(k -> findings.add(new Finding(m.where(), "key " + k
                                + " looks like a credential: put it in a Secret that is not committed")));
            }
        }
        return findings;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // References between resources

    /**
     * One namespace for everything; every Service selects the pods of a Deployment; the broker and database addresses
     * in ConfigMaps name the Strimzi and CloudNativePG resources declared here.
     */
    public List<Finding> references() {
        List<Finding> findings = new ArrayList<>();
        Set<String> namespaces = new TreeSet<>();
        manifests.stream().filter(m -> m.is("Namespace", null)).forEach(m -> namespaces.add(m.name()));
        for (Manifest m : manifests) {
            if (CLUSTER_SCOPED.contains(m.kind())) {
                continue;
            }
            String ns = m.resource().getMetadata().getNamespace();
            if (ns == null || !namespaces.contains(ns)) {
                findings.add(new Finding(m.where(), "is in namespace " + ns + ", not one declared here " + namespaces));
            }
        }
        for (Manifest m : manifests) {
            if (m.resource() instanceof Service service && service.getSpec() != null
                    && service.getSpec().getSelector() != null) {
                Map<String, String> selector = service.getSpec().getSelector();
                boolean selects = manifests.stream().map(Manifest::resource).filter(Deployment.class::isInstance)
                        .map(d -> ((Deployment) d).getSpec().getTemplate().getMetadata().getLabels())
                        .anyMatch(labels -> labels != null && labels.entrySet().containsAll(selector.entrySet()));
                if (!selects) {
                    findings.add(new Finding(m.where(), "selects no Deployment's pods: " + selector));
                }
            }
        }
        for (Manifest m : manifests) {
            if (m.resource() instanceof ConfigMap map && map.getData() != null) {
                map.getData().forEach((key, value) -> address(findings, m.where() + " key " + key, key, value));
            }
        }
        return findings;
    }

    private void address(List<Finding> findings, String where, String key, String value) {
        Matcher pg = POSTGRES_URL.matcher(value.trim());
        if (pg.matches()) {
            String host = pg.group(1);
            String database = pg.group(3);
            Optional<GenericKubernetesResource> cluster = generic("postgresql.cnpg.io/", "Cluster").stream()
                    .filter(c -> host.equals(c.getMetadata().getName() + "-rw") || host.equals(c.getMetadata().getName() + "-ro")
                            || host.equals(c.getMetadata().getName() + "-r"))
                    .findFirst();
            if (cluster.isEmpty()) {
                findings.add(new Finding(where, "host " + host + " is no service of a declared CloudNativePG Cluster"));
                return;
            }
            String name = cluster.get().getMetadata().getName();
            Set<String> databases = new HashSet<>();
            Optional.ofNullable(cluster.get().<String>get("spec", "bootstrap", "initdb", "database")).ifPresent(databases::add);
            generic("postgresql.cnpg.io/", "Database").stream()
                    .filter(d -> name.equals(d.get("spec", "cluster", "name")))
                    .forEach(d -> databases.add(d.get("spec", "name")));
            if (!databases.contains(database)) {
                findings.add(new Finding(where, "database " + database + " is not created in Cluster " + name
                        + " (it has " + new TreeSet<>(databases) + ")"));
            }
            return;
        }
        if (key.equals("KAFKA_BOOTSTRAP_SERVERS")) {
            for (String server : value.split(",")) {
                URI uri = URI.create("kafka://" + server.trim());
                Optional<GenericKubernetesResource> kafka = generic("kafka.strimzi.io/", "Kafka").stream()
                        .filter(k -> uri.getHost() != null && uri.getHost().startsWith(k.getMetadata().getName() + "-kafka-bootstrap"))
                        .findFirst();
                if (kafka.isEmpty()) {
                    findings.add(new Finding(where, server + " is not the bootstrap service of a declared Kafka"));
                } else if (!listenerPorts(kafka.get()).contains(uri.getPort())) {
                    findings.add(new Finding(where, "Kafka " + kafka.get().getMetadata().getName()
                            + " has no listener on port " + uri.getPort()));
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The committed copy of generated manifests

    /**
     * The committed copy of a generated manifest against the file the build just generated, document by document, as
     * parsed YAML (the order of keys in a map is not significant, and quarkus-kubernetes does not keep it stable).
     */
    public static List<Finding> staleCopy(Path committed, Path generated, String regenerate) {
        List<Finding> findings = new ArrayList<>();
        Map<String, JsonNode> copy = byResource(Manifests.documents(committed));
        Map<String, JsonNode> fresh = byResource(Manifests.documents(generated));
        String where = committed.getFileName().toString();
        for (Map.Entry<String, JsonNode> e : fresh.entrySet()) {
            JsonNode old = copy.get(e.getKey());
            if (old == null) {
                findings.add(new Finding(where, e.getKey() + " is generated but missing from the copy; run " + regenerate));
            } else {
                String difference = firstDifference("", old, e.getValue());
                if (difference != null) {
                    findings.add(new Finding(where, e.getKey() + " is stale at " + difference + "; run " + regenerate));
                }
            }
        }
        copy.keySet().stream().filter(k -> !fresh.containsKey(k)).forEach(k -> findings
                .add(new Finding(where, k + " is no longer generated; run " + regenerate)));
        return findings;
    }

    private static Map<String, JsonNode> byResource(List<JsonNode> documents) {
        Map<String, JsonNode> byResource = new LinkedHashMap<>();
        documents.forEach(d -> byResource.put(d.path("kind").asText() + "/" + d.path("metadata").path("name").asText(), d));
        return byResource;
    }

    private static String firstDifference(String path, JsonNode committed, JsonNode generated) {
        if (committed.isObject() && generated.isObject()) {
            Set<String> names = new TreeSet<>();
            committed.fieldNames().forEachRemaining(names::add);
            generated.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String difference = firstDifference(path + "/" + name, committed.path(name), generated.path(name));
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        if (committed.isArray() && generated.isArray() && committed.size() == generated.size()) {
            Iterator<JsonNode> a = committed.elements();
            Iterator<JsonNode> b = generated.elements();
            for (int i = 0; a.hasNext(); i++) {
                String difference = firstDifference(path + "/" + i, a.next(), b.next());
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        return committed.equals(generated) ? null
                : path + " (committed: " + shown(committed) + ", generated: " + shown(generated) + ")";
    }

    private static String shown(JsonNode node) {
        return node.isMissingNode() ? "absent" : node.toString();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Optional<ConfigMap> configMap(String name) {
        return manifests.stream().map(Manifest::resource).filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> name.equals(c.getMetadata().getName())).findFirst();
    }

    private static Set<Integer> listenerPorts(GenericKubernetesResource kafka) {
        Set<Integer> ports = new TreeSet<>();
        Object listeners = kafka.get("spec", "kafka", "listeners");
        if (listeners instanceof List<?> list) {
            for (Object listener : list) {
                if (listener instanceof Map<?, ?> map) {
                    Optional.ofNullable(integer(map.get("port"))).ifPresent(ports::add);
                }
            }
        }
        return ports;
    }

    private Integer deploymentReplicas(String name) {
        return manifests.stream().filter(m -> m.resource() instanceof Deployment && name.equals(m.name()))
                .map(m -> ((Deployment) m.resource()).getSpec().getReplicas()).filter(Objects::nonNull).findFirst()
                .orElse(null);
    }

    private List<GenericKubernetesResource> generic(String apiGroupPrefix, String kind) {
        return manifests.stream().map(Manifest::resource).filter(GenericKubernetesResource.class::isInstance)
                .map(GenericKubernetesResource.class::cast)
                .filter(r -> kind.equals(r.getKind()) && r.getApiVersion() != null && r.getApiVersion().startsWith(apiGroupPrefix))
                .toList();
    }

    private static boolean isStrimzi(GenericKubernetesResource r, String kind) {
        return kind.equals(r.getKind()) && r.getApiVersion() != null && r.getApiVersion().startsWith("kafka.strimzi.io/");
    }

    private static Integer integer(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s && s.matches("\\d+")) {
            return Integer.valueOf(s);
        }
        return null;
    }
}
