package ai.persona.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "session-service")
public interface SessionServiceConfig {

    /** Longest message content accepted, in characters. */
    @WithDefault("32000")
    int maxMessageChars();

    @WithDefault("500")
    int maxMessagesPerSession();

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
}
