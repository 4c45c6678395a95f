package ai.persona.gateway.openai;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The OpenAI-compatible API's own settings. */
@ConfigMapping(prefix = "gateway.openai")
public interface OpenAiConfig {

    /**
     * Texts that mark a request as a chat front-end's background task rather than the user's conversation: a request
     * whose last user message starts with one of them (after leading blanks) is answered as sent, without the persona,
     * and not recorded, so nothing is learned from it. Open WebUI's title, tag and follow-up prompts start with
     * {@code ### Task:}. None by default: every request is the user's.
     */
    Optional<List<String>> backgroundTaskMarkers();
}
