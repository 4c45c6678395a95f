package ai.persona.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "session-service")
public interface SessionServiceConfig {

    @WithDefault("100")
    int maxPageSize();

    /** PersonaChanged events relayed from the outbox per round. */
    @WithDefault("200")
    int outboxBatchSize();

    /**
     * How often the outbox relay looks for events (read by its @Scheduled). Each look is one short transaction; the
     * interval is what followers such as the gateway's persona cache wait at most. At 1s it was most of a batch's time
     * to a visible version in the benchmark (P4).
     */
    @WithDefault("200ms")
    java.time.Duration outboxInterval();

    /** Ended sessions published as ConversationCompleted per round of the completion relay. */
    @WithDefault("50")
    int completionBatchSize();

    /**
     * The largest ConversationCompleted record, in bytes of JSON: below the producer's max.request.size (Kafka's default,
     * 1 MiB, on the broker too) less room for headers. A longer session is published with its latest messages that fit,
     * as the optimizer would cut it; one record over the limit failed its whole relay round, again every second.
     */
    @WithDefault("900000")
    int completionMaxBytes();

    /**
     * How often the completion relay looks for ended, unpublished sessions (read by its @Scheduled). Quarkus' scheduler
     * runs nothing more often than once a second (it warns and waits a second for less, the outbox relay too); the
     * updater learns from sessions in batches, so a second is no loss here.
     */
    @WithDefault("1s")
    java.time.Duration completionInterval();

    /** A session without a message for this long is ended (reason "idle") and then published. */
    @WithDefault("PT30M")
    java.time.Duration idleTimeout();

    /** How often idle sessions are looked for (read by its @Scheduled): an idle session ends at most this late. */
    @WithDefault("60s")
    java.time.Duration idleCheckInterval();

    /** Idle sessions ended per look; more wait for the next one. */
    @WithDefault("100")
    int idleBatchSize();

    /**
     * How long a materialized SessionEvent's id is kept to recognise a redelivery. Longer than the topic's retention
     * (a day), after which nothing can be redelivered.
     */
    @WithDefault("P3D")
    java.time.Duration recordedEventRetention();

    /**
     * How often temporary values past their validity are looked for (read by the expiry job's @Scheduled): a value
     * outlives its "until" by at most this much. Validities are days long, so a minute is plenty.
     */
    @WithDefault("60s")
    java.time.Duration expiryCheckInterval();

    /** Due temporary values looked at per round; more wait for the next one. */
    @WithDefault("200")
    int expiryBatchSize();
}
