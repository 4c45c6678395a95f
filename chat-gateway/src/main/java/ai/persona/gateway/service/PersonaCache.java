package ai.persona.gateway.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import ai.persona.gateway.client.PersonaView;
import ai.persona.gateway.client.SessionServiceClient;
import ai.persona.gateway.config.GatewayConfig;
import ai.persona.model.PersonaJson;
import ai.persona.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Every user's persona as it goes into the system prompt, already rendered: a turn costs a map lookup, not a call to
 * session-service nor a token count. Filled on a miss from session-service, kept current by PersonaChanged events
 * ({@link #offer}: the newer version wins, whichever arrives first) and emptied for a user by their tombstone.
 * Bounded in size; an evicted user is simply read again on their next turn.
 */
@ApplicationScoped
public class PersonaCache {

    /**
     * A user's persona at a version, and rendered; {@code prompt} is null when there is nothing to tell the model. The
     * persona itself is kept for renderings to other budgets (the memory API's prompt endpoint).
     */
    public record Entry(long version, JsonNode persona, String prompt) {
    }

    private final SessionServiceClient sessions;
    private final PersonaPrompt prompts;
    private final Cache<String, Entry> entries;
    // one session-service read per user however many turns miss at once
    private final Map<String, Uni<Entry>> loading = new ConcurrentHashMap<>();

    public PersonaCache(@RestClient SessionServiceClient sessions, PersonaPrompt prompts, GatewayConfig config) {
        this.sessions = sessions;
        this.prompts = prompts;
        this.entries = Caffeine.newBuilder().maximumSize(config.persona().cacheSize()).build();
    }

    public Uni<Entry> get(String userId) {
        Entry cached = entries.getIfPresent(userId);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return loading.computeIfAbsent(userId, this::load);
    }

    private Uni<Entry> load(String userId) {
        return sessions.persona(userId)
                .onFailure(PersonaCache::unknownUser).recoverWithItem(new PersonaView(0, PersonaJson.emptyPersona()))
                .map(persona -> offer(userId, persona.version(), persona.persona()))
                .onTermination().invoke(() -> loading.remove(userId))
                .memoize().indefinitely();
    }

    /** Keeps this version unless a newer one is already known; returns what is kept. */
    public Entry offer(String userId, long version, ObjectNode persona) {
        return entries.asMap().compute(userId, (id, current) -> current != null && current.version() >= version
                ? current
                : new Entry(version, persona, prompts.render(persona)));
    }

    /** The user was deleted: forget them; should they come back, they start again from version 0. */
    public void forget(String userId) {
        entries.invalidate(userId);
    }

    /** Whether a version at least this new is cached (tests, diagnostics). */
    public boolean holds(String userId, long version) {
        Entry cached = entries.getIfPresent(userId);
        return cached != null && cached.version() >= version;
    }

    // session-service knows users from their first session or persona import; before that they have none
    private static boolean unknownUser(Throwable failure) {
        return failure instanceof ProblemException e && e.status() == 404;
    }
}
