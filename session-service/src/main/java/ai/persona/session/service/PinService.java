package ai.persona.session.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.model.PersonaPaths;
import ai.persona.model.PersonaSchema;
import ai.persona.model.guard.PinnedPaths;
import ai.persona.runtime.problem.ProblemException;
import ai.persona.session.persistence.PersonaEntity;
import ai.persona.session.persistence.PersonaExpiryEntity;
import ai.persona.session.persistence.PersonaPinsEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The fields and sections a user pinned against the optimizer. */
@ApplicationScoped
public class PinService {

    // a pin is a section or a field; more than this is a client looping, not a person choosing
    static final int MAX_PINS = 200;

    private final PersonaSchema schema;

    public PinService(PersonaSchema schema) {
        this.schema = schema;
    }

    @WithSession
    public Uni<List<String>> pins(String userId) {
        return PersonaEntity.<PersonaEntity>findById(userId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no user " + userId))
                .chain(() -> pinsOf(userId));
    }

    /** Replaces the user's pins; the persona row is locked so a patch being applied sees the old pins or the new. */
    @WithTransaction
    public Uni<List<String>> replace(String userId, List<String> pointers) {
        List<String> pins = checked(pointers);
        return PersonaEntity.lockFor(userId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no user " + userId))
                .chain(() -> PersonaPinsEntity.<PersonaPinsEntity>findById(userId))
                .chain(row -> store(row, userId, pins))
                .chain(() -> keepPinnedValues(userId, pins))
                .replaceWith(pins);
    }

    /** A pinned value is one the user keeps: it no longer expires (docs/persona-over-time.md). */
    private static Uni<Long> keepPinnedValues(String userId, List<String> pins) {
        return PersonaExpiryEntity.of(userId)
                .chain(expiries -> PersonaExpiryEntity.clear(userId, expiries.stream()
                        .map(expiry -> expiry.path)
                        .filter(path -> pins.stream().anyMatch(pin -> PersonaPaths.overlap(path, pin)))
                        .toList()));
    }

    private static Uni<Void> store(PersonaPinsEntity row, String userId, List<String> pins) {
        PersonaPinsEntity stored = row == null ? new PersonaPinsEntity() : row;
        stored.userId = userId;
        stored.pointers = Json.write(pins);
        stored.updatedAt = Clocks.now();
        // a managed row is flushed at commit; a new one is persisted
        return row == null ? stored.persist().replaceWithVoid() : Uni.createFrom().voidItem();
    }

    /** The user's pins, inside the caller's session. */
    static Uni<List<String>> pinsOf(String userId) {
        return PersonaPinsEntity.<PersonaPinsEntity>findById(userId)
                .map(row -> row == null ? List.<String>of() : List.of(Json.read(row.pointers, String[].class)));
    }

    private List<String> checked(List<String> pointers) {
        if (pointers == null) {
            throw ProblemException.badRequest("give the pins as {\"pins\": [\"/Section\", \"/Section/Field\"]}");
        }
        if (pointers.size() > MAX_PINS) {
            throw ProblemException.badRequest(pointers.size() + " pins, more than the " + MAX_PINS + " allowed");
        }
        List<String> problems = PinnedPaths.problems(schema, pointers);
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", problems));
        }
        return new ArrayList<>(new LinkedHashSet<>(pointers));
    }
}
