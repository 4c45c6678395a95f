package ai.persona.infra;

import java.util.Map;

/** Broker settings for a lone node on a 2-core machine, shared by both embedded brokers. */
final class BrokerDefaults {

    static final Map<String, String> SINGLE_NODE = Map.ofEntries(
            // internal topics default to replication factor 3 and 50 partitions; one node has one replica,
            // and 50 partition directories make the first consumer group join take seconds
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("offsets.topic.num.partitions", "1"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("transaction.state.log.num.partitions", "1"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("share.coordinator.state.topic.num.partitions", "1"),
            // the default 3 s wait for more members only slows tests down: every group here has one consumer
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            // a restarted broker is refused (DUPLICATE_BROKER_REGISTRATION) until its old session expires,
            // 9 s by default; loopback heartbeats are cheap, so expire sessions fast
            Map.entry("broker.heartbeat.interval.ms", "500"),
            Map.entry("broker.session.timeout.ms", "2500"),
            Map.entry("group.coordinator.threads", "1"),
            Map.entry("num.network.threads", "2"),
            Map.entry("num.io.threads", "2"),
            Map.entry("background.threads", "2"),
            Map.entry("log.cleaner.threads", "1"),
            Map.entry("num.partitions", "1"),
            // what docs/events.md promises of the deployed topics: a deleted user's conversations gone from the log
            // within a day (one-day retention, one-hour segments, compaction within a day), here for every topic
            Map.entry("log.retention.ms", "86400000"),
            Map.entry("log.roll.ms", "3600000"),
            Map.entry("log.cleaner.max.compaction.lag.ms", "86400000"));

    private BrokerDefaults() {
    }
}
