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
}
