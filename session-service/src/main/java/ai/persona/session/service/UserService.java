package ai.persona.session.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.runtime.problem.ProblemException;
import ai.persona.session.persistence.ForgottenUserEntity;
import ai.persona.session.persistence.OutboxEntity;
import ai.persona.session.persistence.PersonaEntity;
import ai.persona.session.persistence.PersonaVersionEntity;
import ai.persona.session.persistence.RejectedPatchEntity;
import ai.persona.session.persistence.SessionEntity;
import ai.persona.session.persistence.UserEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** A user's data as a whole: export it, or delete every row of it. */
@ApplicationScoped
public class UserService {

    private final SessionService sessions;

    public UserService(SessionService sessions) {
        this.sessions = sessions;
    }

    @WithSession
    public Uni<UserExport> export(String userId) {
        return UserEntity.<UserEntity>findById(userId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no user " + userId))
                .chain(user -> PersonaEntity.<PersonaEntity>findById(userId)
                        .chain(persona -> PersonaVersionEntity.<PersonaVersionEntity>list("userId",
                                Sort.ascending("version"), userId)
                                .chain(history -> sessionsWithMessages(userId)
                                        .chain(all -> rejected(userId)
                                                .map(rejected -> new UserExport(userId, user.createdAt, Clocks.now(),
                                                        new PersonaView(persona.version,
                                                                (ObjectNode) Json.tree(persona.document)),
                                                        history.stream().map(PersonaVersionView::of).toList(), all,
                                                        rejected))))));
    }

    /**
     * Deletes the user and everything of theirs in one transaction (rows cascade from users), drops their PersonaChanged
     * events not yet relayed (they carry the persona), queues the tombstone that tells followers to forget them, and
     * remembers the deletion (a hash of the id and the time) so nothing made from before it comes back. Their content key
     * goes in the same transaction: what the topics still hold of them can no longer be opened.
     */
    @WithTransaction
    public Uni<Void> delete(String userId) {
        Instant now = Clocks.now();
        return UserEntity.<UserEntity>findById(userId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no user " + userId))
                .chain(user -> erase(userId))
                .chain(() -> destroyContentKey(userId, now))
                .chain(() -> ForgottenUserEntity.remember(userId, now));
    }

    /**
     * The user's FORGOTTEN marker, recorded at {@code at} by the gateway before it deleted them through the API: deletes
     * what events recorded before the marker may have brought back (nothing, and no second tombstone, when the user is
     * gone) and remembers the deletion at the marker's time, the clock the user's later events are stamped with.
     */
    @WithTransaction
    public Uni<Void> forget(String userId, Instant at) {
        return UserEntity.<UserEntity>findById(userId)
                .chain(user -> user == null ? Uni.createFrom().voidItem() : erase(userId))
                .chain(() -> destroyContentKey(userId, at))
                .chain(() -> ForgottenUserEntity.remember(userId, at));
    }

    /**
     * Crypto-shredding: the user's content key, if made at or before {@code madeBy}, is deleted. A key made later
     * belongs to the user's new life (a turn after the API deletion, before session-service reached the marker).
     */
    private static Uni<Void> destroyContentKey(String userId, Instant madeBy) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("delete from content_keys where user_id = :id"
                        + " and created_at <= :madeBy")
                        .setParameter("id", userId)
                        .setParameter("madeBy", madeBy)
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static Uni<Void> erase(String userId) {
        return OutboxEntity.delete("userId", userId)
                .chain(() -> UserEntity.delete("id", userId))
                .chain(() -> OutboxEntity.of(userId, null, Clocks.now()).persist())
                .replaceWithVoid();
    }

    private Uni<List<SessionView>> sessionsWithMessages(String userId) {
        return SessionEntity.<SessionEntity>list("userId", Sort.ascending("startedAt"), userId)
                .chain(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(sessions::withMessages)
                        .collect().asList());
    }

    private static Uni<List<UserExport.RejectedPatchView>> rejected(String userId) {
        return RejectedPatchEntity.<RejectedPatchEntity>list("userId", Sort.ascending("rejectedAt"), userId)
                .map(rows -> rows.stream()
                        .map(r -> new UserExport.RejectedPatchView(r.patchId, r.baseVersion, r.currentVersion,
                                Json.tree(r.reasons), Json.tree(r.patch), r.rejectedAt))
                        .toList());
    }
}
