package ai.persona.gateway.service;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import ai.persona.gateway.client.SessionView;
import ai.persona.gateway.client.SessionServiceClient;
import ai.persona.gateway.config.GatewayConfig;
import ai.persona.gateway.llm.Embeddings;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The "similar-session" retrieval: of the user's ended sessions (never the current one, never another user's: the
 * list comes from session-service for this user only), the one whose user messages are most similar to the session's
 * opening message, as a system-message block within its token budget. Sessions are embedded on first need and the
 * vectors kept, so a user who switches retrieval on later finds their older sessions too.
 * <p>
 * One retrieval per session, as the paper's Conversations RAG: the block found for a session's first turn is kept (in
 * this gateway's memory, for {@value #KEPT_MINUTES} minutes after its last use) and given again on its later turns.
 * Follow-ups such as "more detail, please" say little about the topic, and a context that changed mid-session would
 * contradict what the assistant already said. After a restart or on another replica the session's next turn retrieves
 * once more, for its newest message.
 */
@ApplicationScoped
public class PastSessions {

    private final SessionServiceClient sessions;
    private final SessionEmbeddings stored;
    private final Embeddings embeddings;
    private final GatewayConfig.RetrievalSettings config;
    private final Cache<String, Optional<String>> perSession = Caffeine.newBuilder()
            .maximumSize(MAX_KEPT)
            .expireAfterAccess(Duration.ofMinutes(KEPT_MINUTES))
            .build();

    static final int KEPT_MINUTES = 30;
    // a user id never holds a NUL (ai.persona.input.UserIds), so a key's user part is unambiguous
    private static final String KEY_SEPARATOR = "\u0000";
    private static final int MAX_KEPT = 10_000;

    public PastSessions(@RestClient SessionServiceClient sessions, SessionEmbeddings stored, Embeddings embeddings,
            GatewayConfig config) {
        this.sessions = sessions;
        this.stored = stored;
        this.embeddings = embeddings;
        this.config = config.retrieval();
    }

    /** Drops the text kept for the user's sessions (a deletion: see UserMemory). */
    public void forget(String userId) {
        perSession.asMap().keySet().removeIf(key -> key.startsWith(userId + KEY_SEPARATOR));
    }

    /**
     * Null when the user has no other ended session to draw on.
     *
     * @param query the session's newest message; only the first turn's is used (see the class comment)
     */
    public Uni<String> mostSimilar(String userId, String currentSessionId, String query) {
        String key = userId + KEY_SEPARATOR + currentSessionId;
        Optional<String> kept = perSession.getIfPresent(key);
        if (kept != null) {
            return Uni.createFrom().item(kept.orElse(null));
        }
        if (query == null || query.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return retrieve(userId, currentSessionId, query)
                .invoke(block -> perSession.put(key, Optional.ofNullable(block)));
    }

    private Uni<String> retrieve(String userId, String currentSessionId, String query) {
        return candidates(userId, currentSessionId, 0, new LinkedHashMap<>())
                .chain(candidates -> candidates.isEmpty() ? Uni.createFrom().nullItem()
                        : embeddings.embed(query)
                                .chain(asked -> vectors(userId, candidates, asked.length)
                                        .map(vectors -> best(candidates, vectors, asked)))
                                .chain(best -> best == null ? Uni.createFrom().nullItem()
                                        : sessions.get(userId, best.id())
                                                .map(session -> PastSessionText.render(config.header(),
                                                        config.tokenBudget(), session))));
    }

    /**
     * The newest ended sessions with messages, up to max-candidates, newest first, page by page (session-service caps
     * a page's size). Keyed by id: a session started while paging shifts the pages and may be listed twice.
     */
    private Uni<List<SessionView>> candidates(String userId, String currentSessionId, int page,
            Map<String, SessionView> found) {
        return sessions.list(userId, page, config.maxCandidates())
                .chain(listed -> {
                    listed.items().stream()
                            .filter(s -> s.ended() && s.messageCount() > 0 && !s.id().equals(currentSessionId))
                            .forEach(s -> found.putIfAbsent(s.id(), s));
                    boolean more = !listed.items().isEmpty() && (long) (page + 1) * listed.size() < listed.total();
                    if (found.size() < config.maxCandidates() && more) {
                        return candidates(userId, currentSessionId, page + 1, found);
                    }
                    return Uni.createFrom().item(found.values().stream().limit(config.maxCandidates()).toList());
                });
    }

    // a vector of another size was made by another model (the deployment switched models): it is made again
    private Uni<Map<String, float[]>> vectors(String userId, List<SessionView> candidates, int dimensions) {
        return stored.of(userId)
                .chain(known -> Multi.createFrom().iterable(candidates)
                        .filter(candidate -> !known.containsKey(candidate.id())
                                || known.get(candidate.id()).length != 0
                                        && known.get(candidate.id()).length != dimensions)
                        .onItem().transformToUniAndConcatenate(missing -> embedOnce(userId, missing.id(), known))
                        .collect().last()
                        .replaceWith(known));
    }

    // a session without a word from the user is stored as an empty vector, so it is not fetched again on every turn
    private Uni<Void> embedOnce(String userId, String sessionId, Map<String, float[]> known) {
        return sessions.get(userId, sessionId)
                .map(PastSessionText::userText)
                .chain(text -> text.isBlank() ? Uni.createFrom().item(new float[0]) : embeddings.embed(text))
                .invoke(vector -> known.put(sessionId, vector))
                .chain(vector -> stored.store(userId, sessionId, vector));
    }

    // candidates are newest first and only a strictly better score replaces the best: ties go to the newest session
    private static SessionView best(List<SessionView> candidates, Map<String, float[]> vectors, float[] asked) {
        SessionView best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (SessionView candidate : candidates) {
            float[] vector = vectors.get(candidate.id());
            if (vector == null || vector.length == 0) {
                continue;
            }
            double score = Embeddings.cosine(vector, asked);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }
}
