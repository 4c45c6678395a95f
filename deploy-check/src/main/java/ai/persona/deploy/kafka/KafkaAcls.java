package ai.persona.deploy.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import ai.persona.deploy.Finding;
import ai.persona.events.EventContract;
import ai.persona.events.KafkaAccess;
import ai.persona.events.PersonaService;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * The allow-ACLs of one Strimzi KafkaUser ({@code spec.authorization.acls}), as the topics it may write and read and
 * the groups it may read, with whatever else they grant, for {@link KafkaAccessRule}.
 */
final class KafkaAcls {

    private final String where;
    private final Set<String> written = new TreeSet<>();
    private final Set<String> read = new TreeSet<>();
    private final List<Acl> other = new ArrayList<>();
    private final List<Acl> groups = new ArrayList<>();
    private final boolean authenticated;

    /** One ACL entry: a resource (type, name, literal or prefix) and one operation. */
    record Acl(String type, String name, String pattern, String operation) {

        @Override
        public String toString() {
            return operation + " on " + type + " " + name + ("prefix".equals(pattern) ? "*" : "");
        }
    }

    private KafkaAcls(String where, boolean authenticated, List<Acl> acls) {
        this.where = where;
        this.authenticated = authenticated;
        for (Acl acl : acls) {
            boolean literalTopic = "topic".equals(acl.type()) && "literal".equals(acl.pattern()) && !"*".equals(acl.name());
            if (literalTopic && "Write".equals(acl.operation())) {
                written.add(acl.name());
            } else if (literalTopic && "Read".equals(acl.operation())) {
                read.add(acl.name());
            } else if ("group".equals(acl.type()) && "Read".equals(acl.operation())) {
                groups.add(acl);
            } else if (!(literalTopic && "Describe".equals(acl.operation()))) {
                other.add(acl);
            }
        }
    }

    static KafkaAcls of(String where, GenericKubernetesResource user) {
        Object type = user.get("spec", "authentication", "type");
        List<Acl> acls = new ArrayList<>();
        Object entries = user.get("spec", "authorization", "acls");
        for (Object entry : entries instanceof List<?> list ? list : List.of()) {
            if (!(entry instanceof Map<?, ?> map) || "deny".equals(map.get("type"))) {
                continue;
            }
            Map<?, ?> resource = map.get("resource") instanceof Map<?, ?> r ? r : Map.of();
            String pattern = resource.get("patternType") == null ? "literal" : String.valueOf(resource.get("patternType"));
            List<Object> operations = new ArrayList<>();
            if (map.get("operations") instanceof List<?> ops) {
                operations.addAll(ops);
            }
            if (map.get("operation") != null) {
                operations.add(map.get("operation"));
            }
            for (Object operation : operations) {
                acls.add(new Acl(String.valueOf(resource.get("type")), String.valueOf(resource.get("name")), pattern,
                        String.valueOf(operation)));
            }
        }
        return new KafkaAcls(where, "scram-sha-512".equals(type) || "tls".equals(type), acls);
    }

    /** The ACLs of the service's own user against what the contract gives it ({@link KafkaAccess}). */
    List<Finding> against(PersonaService service) {
        KafkaAccess access = KafkaAccess.of(service);
        List<Finding> findings = new ArrayList<>();
        if (!authenticated) {
            findings.add(new Finding(where, "does not authenticate with scram-sha-512 or tls"));
        }
        compare(findings, "write", written, access.writes());
        compare(findings, "read", read, access.reads());
        if (groups.isEmpty() && access.readsAny()) {
            findings.add(new Finding(where, "may read no consumer group: grant Read on group " + access.groupPrefix()));
        }
        for (Acl group : groups) {
            if (!group.name().startsWith(access.groupPrefix())) {
                findings.add(new Finding(where, "may read group " + group.name() + ", which is not named after "
                        + access.groupPrefix()));
            }
        }
        for (Acl acl : other) {
            findings.add(new Finding(where, "grants " + acl + ", beyond Read, Write and Describe on named topics and "
                    + "Read on its groups"));
        }
        return findings;
    }

    /** A user of another system (a follower of persona.changed.v1) may write no topic of the contract. */
    List<Finding> writesNoContractTopic() {
        List<Finding> findings = new ArrayList<>();
        for (EventContract event : EventContract.values()) {
            if (written.contains(event.topic())) {
                findings.add(new Finding(where, "may write " + event.topic() + ", which only " + event.producer().id()
                        + " produces"));
            }
        }
        other.stream().filter(acl -> "topic".equals(acl.type()) && !"Read".equals(acl.operation()))
                .forEach(acl -> findings.add(new Finding(where, "grants " + acl + ", which may reach a topic of the contract")));
        return findings;
    }

    private void compare(List<Finding> findings, String verb, Set<String> granted, Set<String> contract) {
        for (String topic : contract) {
            if (!granted.contains(topic)) {
                findings.add(new Finding(where, "may not " + verb + " " + topic + ", which the event contract has it "
                        + verb));
            }
        }
        for (String topic : granted) {
            if (!contract.contains(topic)) {
                EventContract event = EventContract.ofTopic(topic);
                findings.add(new Finding(where, "may " + verb + " " + topic + ", which the event contract does not have it "
                        + verb + (event != null && "write".equals(verb) ? " (only " + event.producer().id() + " does)" : "")));
            }
        }
    }
}
