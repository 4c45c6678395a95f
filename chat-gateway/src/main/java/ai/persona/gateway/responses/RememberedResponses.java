package ai.persona.gateway.responses;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * What {@code previous_response_id} refers to: each response's session and the conversation up to and including its
 * output, in chat form. Kept in memory only, bounded by characters and idle time: a restart or an old id is a miss,
 * which the client is told about (400) rather than continuing a conversation the model no longer sees. Output items are
 * kept by id too: clients that store responses (the Vercel AI SDK by default) send earlier assistant output back as
 * {@code item_reference} items.
 */
@ApplicationScoped
public class RememberedResponses {

    /**
     * @param instructions the instructions the conversation's first message holds, or null
     * @param messages the conversation as sent to chat completions (instructions first, persona excluded) and the reply
     */
    public record Remembered(String userId, String sessionId, String instructions, ArrayNode messages) {
    }

    private record Item(String userId, JsonNode item) {
    }

    private final Cache<String, Remembered> responses;
    private final Cache<String, Item> items;

    public RememberedResponses(ResponsesConfig config) {
        this.responses = Caffeine.newBuilder()
                .maximumWeight(config.rememberedChars())
                .<String, Remembered>weigher((id, remembered) -> Math.max(1, remembered.messages().toString().length()))
                .expireAfterAccess(config.rememberedFor())
                .build();
        this.items = Caffeine.newBuilder()
                .maximumWeight(config.rememberedChars())
                .<String, Item>weigher((id, item) -> Math.max(1, item.item().toString().length()))
                .expireAfterAccess(config.rememberedFor())
                .build();
    }

    /** The response's conversation, and its output items by id for {@code item_reference} input items. */
    public void remember(String responseId, Remembered remembered, List<JsonNode> output) {
        responses.put(responseId, remembered);
        output.forEach(item -> items.put(item.path("id").asText(), new Item(remembered.userId(), item)));
    }

    /** The user's own output item of that id (a message or function call), as the response gave it. */
    public Optional<JsonNode> item(String userId, String itemId) {
        return Optional.ofNullable(items.getIfPresent(itemId))
                .filter(item -> item.userId().equals(userId))
                .map(Item::item);
    }

    /** The user's own response of that id; another user's is a miss as much as an unknown one. */
    public Optional<Remembered> find(String userId, String responseId) {
        return Optional.ofNullable(responses.getIfPresent(responseId))
                .filter(remembered -> remembered.userId().equals(userId));
    }
}
