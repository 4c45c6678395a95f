package ai.persona.events;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one service may do on the broker, derived from {@link EventContract} in this one place: Write on the topics it
 * produces (and the dead-letter topic when it consumes), Read on the topics it consumes, Read on the consumer groups
 * whose names start with its id, nothing else. Kubernetes grants it through the service's Strimzi KafkaUser (which
 * deploy-check compares with this), the local broker through ACLs it creates at each start.
 *
 * @param user the Kafka user the service logs in as
 * @param writes the topics it may write
 * @param reads the topics it may read
 * @param groupPrefix the prefix of the consumer groups it may read: replicas and version followers have groups of their own
 */
public record KafkaAccess(String user, Set<String> writes, Set<String> reads, String groupPrefix) {

    public KafkaAccess {
        // sorted, so findings and ACL listings come in a stable order
        writes = Collections.unmodifiableSortedSet(new TreeSet<>(writes));
        reads = Collections.unmodifiableSortedSet(new TreeSet<>(reads));
    }

    public static KafkaAccess of(PersonaService service) {
        return new KafkaAccess(service.id(), EventContract.topicsWrittenBy(service), EventContract.topicsReadBy(service),
                service.id());
    }

    /** Whether it consumes at all, and so needs a consumer group. */
    public boolean readsAny() {
        return !reads.isEmpty();
    }
}
