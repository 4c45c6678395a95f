package ai.persona.gateway.responses;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much of the Responses API's conversations the gateway keeps in memory for {@code previous_response_id}. */
@ConfigMapping(prefix = "gateway.responses")
public interface ResponsesConfig {

    /** Characters of conversation kept over all remembered responses; the least recently used go first. */
    @WithDefault("20000000")
    long rememberedChars();

    /** A response not continued for this long is forgotten: continuing it then answers 400. */
    @WithDefault("PT2H")
    Duration rememberedFor();
}
