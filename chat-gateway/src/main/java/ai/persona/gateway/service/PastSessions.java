package ai.persona.gateway.service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;
import ai.persona.gateway.client.SessionRecord;
import ai.persona.gateway.client.SessionServiceClient;
import ai.persona.gateway.config.GatewayConfig;
import ai.persona.gateway.llm.Embeddings;
import ai.persona.model.TokenCounter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The "similar-session" retrieval: of the user's ended sessions (never the current one, never another user's: the
 * list comes from session-service for this user only), the one whose user messages are most similar to the new
 * message, as a system-message block within its token budget. Sessions are embedded on first need and the vectors
 * kept, so a user who switches retrieval on later finds their older sessions too.
 */
@ApplicationScoped
public class PastSessions {

    private final SessionServiceClient sessions;
    private final SessionEmbeddings stored;
    private final Embeddings embeddings;
    private final GatewayConfig.RetrievalSettings config;

    public PastSessions(@RestClient SessionServiceClient sessions, SessionEmbeddings stored, Embeddings embeddings,
            GatewayConfig config) {
        this.sessions = sessions;
        this.stored = stored;
        this.embeddings = embeddings;
        this.config = config.retrieval();
    }

    /** Null when the user has no other ended session to draw on. */
    public Uni<String> mostSimilar(String userId, String currentSessionId, String query) {
        if (query == null || query.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return sessions.list(userId, 0, config.maxCandidates())
                .map(page -> page.items().stream()
                        .filter(s -> s.ended() && !s.id().equals(currentSessionId))
                        .toList())
                .chain(candidates -> candidates.isEmpty() ? Uni.createFrom().nullItem()
                        : vectors(userId, candidates)
                                .chain(vectors -> embeddings.embed(query)
                                        .map(asked -> best(candidates, vectors, asked)))
                                .chain(best -> best == null ? Uni.createFrom().nullItem()
                                        : sessions.get(userId, best.id()).map(this::render)));
    }

    private Uni<Map<String, float[]>> vectors(String userId, List<SessionRecord> candidates) {
        return stored.of(userId)
                .chain(known -> Multi.createFrom().iterable(candidates)
                        .filter(candidate -> !known.containsKey(candidate.id()))
                        .onItem().transformToUniAndConcatenate(missing -> embedOnce(userId, missing.id(), known))
                        .collect().last()
                        .replaceWith(known));
    }

    private Uni<Void> embedOnce(String userId, String sessionId, Map<String, float[]> known) {
        return sessions.get(userId, sessionId)
                .chain(session -> {
                    String text = userText(session);
                    if (text.isBlank()) {
                        return Uni.createFrom().voidItem();
                    }
                    return embeddings.embed(text)
                            .invoke(vector -> known.put(sessionId, vector))
                            .chain(vector -> stored.store(userId, sessionId, vector));
                });
    }

    // the query is something the user said, so it is compared with what the user said, not the assistant's phrasing
    static String userText(SessionRecord session) {
        return session.messagesOrEmpty().stream()
                .filter(m -> m.role() == MessageRole.USER && m.content() != null)
                .map(ChatMessage::content)
                .collect(Collectors.joining("\n"));
    }

    // ties go to the newest session: the list is newest first and the first maximum is kept
    private static SessionRecord best(List<SessionRecord> candidates, Map<String, float[]> vectors, float[] asked) {
        return candidates.stream()
                .filter(c -> vectors.containsKey(c.id()))
                .max(Comparator.comparingDouble((SessionRecord c) -> Embeddings.cosine(vectors.get(c.id()), asked))
                        .thenComparing(c -> -candidates.indexOf(c)))
                .orElse(null);
    }

    // the opening of a conversation says what it was about: later turns are what the budget leaves out
    String render(SessionRecord session) {
        StringBuilder block = new StringBuilder(config.header());
        int budget = config.tokenBudget() - TokenCounter.count(block.toString());
        for (ChatMessage message : session.messagesOrEmpty()) {
            if (message.role() != MessageRole.USER && message.role() != MessageRole.ASSISTANT
                    || message.content() == null || message.content().isBlank()) {
                continue;
            }
            String line = "\n" + (message.role() == MessageRole.USER ? "user: " : "assistant: ") + message.content();
            int tokens = TokenCounter.count(line);
            if (tokens > budget) {
                break;
            }
            block.append(line);
            budget -= tokens;
        }
        return block.toString();
    }
}
