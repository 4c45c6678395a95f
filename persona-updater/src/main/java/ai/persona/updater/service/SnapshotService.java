package ai.persona.updater.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.exception.ConstraintViolationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.events.PersonaChanged;
import ai.persona.updater.persistence.BatchEntity;
import ai.persona.updater.persistence.ForgottenUser;
import ai.persona.updater.persistence.PersonaSnapshot;
import ai.persona.updater.persistence.SessionEntity;
import ai.persona.updater.persistence.UserSettings;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** Keeps each user's persona snapshot current from PersonaChanged, and forgets a deleted user. */
@ApplicationScoped
public class SnapshotService {

    private final ObjectMapper mapper;
    private final PersonaVersionSignals signals;

    public SnapshotService(ObjectMapper mapper, PersonaVersionSignals signals) {
        this.mapper = mapper;
        this.signals = signals;
    }

    /**
     * Keeps the newest version only: the compacted topic is replayed from the start and may repeat older ones. A stored
     * version is signalled once committed, so a batch waiting for it reads it. Not for use inside another transaction,
     * whose commit the signal would precede.
     */
    public Uni<Boolean> apply(PersonaChanged changed) {
        return Panache.withTransaction(() -> keepNewest(changed))
                // the consumer and a batch refreshing its base may both write a user's first snapshot: the one that
                // loses on the primary key reads again, and finds the other's version (a batch failed here before)
                .onFailure(ConstraintViolationException.class).retry().atMost(2)
                .invoke(stored -> {
                    if (stored) {
                        signals.reached(changed.userId(), changed.version());
                    }
                });
    }

    private Uni<Boolean> keepNewest(PersonaChanged changed) {
        return ForgottenUser.findFor(changed.userId())
                .chain(forgotten -> {
                    if (forgotten != null && !changed.changedAt().isAfter(forgotten.forgottenAt)) {
                        return Uni.createFrom().item(false);
                    }
                    return PersonaSnapshot.<PersonaSnapshot> findById(changed.userId())
                            .chain(existing -> existing != null && existing.version >= changed.version()
                                    ? Uni.createFrom().item(false)
                                    : store(existing, changed));
                });
    }

    private Uni<Boolean> store(PersonaSnapshot existing, PersonaChanged changed) {
        PersonaSnapshot snapshot = existing != null ? existing : new PersonaSnapshot();
        snapshot.userId = changed.userId();
        snapshot.version = changed.version();
        snapshot.persona = write(changed);
        snapshot.changedAt = changed.changedAt();
        return snapshot.persist().replaceWith(true);
    }

    /**
     * "Forget": the user was deleted upstream (their FORGOTTEN marker, or their PersonaChanged tombstone) at
     * {@code deletedAt}. Their snapshot, settings, buffered sessions and every batch (parked ones and one with the model
     * right now included) go; only a hash of the id and the latest deletion time stay, so that late sessions of theirs
     * are recognised and dropped and no batch made before it is published.
     */
    @WithTransaction
    public Uni<Void> forget(String userId, Instant deletedAt) {
        return SessionEntity.deleteOfUser(userId)
                .chain(() -> BatchEntity.deleteOfUser(userId))
                .chain(() -> PersonaSnapshot.deleteById(userId))
                .chain(() -> UserSettings.deleteById(userId))
                .chain(() -> ForgottenUser.findFor(userId))
                .chain(existing -> {
                    ForgottenUser forgotten = existing != null ? existing : new ForgottenUser();
                    forgotten.userHash = ForgottenUser.hash(userId);
                    // the two signals of one deletion arrive in either order: the later time stands
                    forgotten.forgottenAt = existing != null && existing.forgottenAt.isAfter(deletedAt)
                            ? existing.forgottenAt : deletedAt;
                    return forgotten.persist();
                })
                .invoke(() -> Log.infof("forgot user %s", userId))
                .replaceWithVoid();
    }

    private String write(PersonaChanged changed) {
        try {
            return mapper.writeValueAsString(changed.persona() == null ? mapper.createObjectNode() : changed.persona());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
