package ai.persona.gateway.responses;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * What {@code previous_response_id} refers to: each response's session and the conversation up to and including its
 * output, in chat form. Kept in memory only, bounded by characters and idle time: a restart or an old id is a miss,
 * which the client is told about (400) rather than continuing a conversation the model no longer sees.
 */
@ApplicationScoped
public class RememberedResponses {

    /**
     * @param instructions the instructions the conversation's first message holds, or null
     * @param messages the conversation as sent to chat completions (instructions first, persona excluded) and the reply
     */
    public record Remembered(String userId, String sessionId, String instructions, ArrayNode messages) {
    }

    private final Cache<String, Remembered> responses;

    public RememberedResponses(ResponsesConfig config) {
        this.responses = Caffeine.newBuilder()
                .maximumWeight(config.rememberedChars())
                .<String, Remembered>weigher((id, remembered) -> Math.max(1, remembered.messages().toString().length()))
                .expireAfterAccess(config.rememberedFor())
                .build();
    }

    public void remember(String responseId, Remembered remembered) {
        responses.put(responseId, remembered);
    }

    /** The user's own response of that id; another user's is a miss as much as an unknown one. */
    public Optional<Remembered> find(String userId, String responseId) {
        return Optional.ofNullable(responses.getIfPresent(responseId))
                .filter(remembered -> remembered.userId().equals(userId));
    }
}
