package ai.persona.session.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;


import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.input.LogText;
import ai.persona.events.ChangeSource;
import ai.persona.model.PatchOperation;
import ai.persona.model.PatchResult;
import ai.persona.model.PersonaJson;
import ai.persona.model.PersonaPatch;
import ai.persona.model.PersonaPatcher;
import ai.persona.model.PersonaPaths;
import ai.persona.model.PersonaValidator;
import ai.persona.model.Violation;
import ai.persona.model.ViolationReason;
import ai.persona.model.guard.PinnedPaths;
import ai.persona.runtime.persona.PersonaModelBeans;
import ai.persona.session.persistence.ForgottenUserEntity;
import ai.persona.session.persistence.PersonaEntity;
import ai.persona.session.persistence.PersonaVersionEntity;
import ai.persona.session.persistence.ProcessedPatchEntity;
import ai.persona.session.persistence.RejectedPatchEntity;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Applies the optimizer's patches: once per patch id, atomically with the version bump. A patch made against an older
 * version is applied only when no field it touches changed since, so a person's own edit is never silently overwritten.
 */
@ApplicationScoped
public class ProposedPatchService {

    public enum Outcome {
        APPLIED,
        DUPLICATE,
        REJECTED,
        /** Learned from sessions from before the user's latest deletion: refused, and remembered as processed. */
        FORGOTTEN,
        UNKNOWN_USER
    }

    private final PersonaPatcher optimizerPatches;
    private final PersonaWriter writer;
    private final SensitiveDataScreen sensitiveData;

    public ProposedPatchService(@Named(PersonaModelBeans.OPTIMIZER) PersonaPatcher optimizerPatches,
            PersonaWriter writer, SensitiveDataScreen sensitiveData) {
        this.optimizerPatches = optimizerPatches;
        this.writer = writer;
        this.sensitiveData = sensitiveData;
    }

    @WithTransaction
    public Uni<Outcome> apply(PersonaPatch patch) {
        // Lock first: a concurrent delivery of the same patch then waits and finds it processed, and a deletion that
        // committed before the lock is seen by the reads after it.
        return PersonaEntity.lockFor(patch.userId())
                .chain(persona -> ProcessedPatchEntity.<ProcessedPatchEntity>findById(patch.patchId())
                        .chain(seen -> seen != null ? Uni.createFrom().item(Outcome.DUPLICATE)
                                : ForgottenUserEntity.forgottenAt(patch.userId())
                                        .chain(deletedAt -> decide(persona, patch, deletedAt))));
    }

    private Uni<Outcome> decide(PersonaEntity persona, PersonaPatch patch, Instant deletedAt) {
        if (deletedAt != null && !learnedAfter(patch, deletedAt)) {
            // Made of deleted data, whether the user is gone or came back. Nothing of it is kept (parking its
            // operations would keep what was learned from the deleted sessions), only its id, so a replay is a duplicate.
            Log.infof("refusing patch %s: learned from sessions from before the user's deletion at %s (first session "
                    + "started %s)", LogText.escape(patch.patchId()), deletedAt, patch.firstSessionStartedAt());
            return processed(patch, "FORGOTTEN", null).replaceWith(Outcome.FORGOTTEN);
        }
        if (persona == null) {
            // never existed, or deleted without a trace: a patch must not create a user
            Log.infof("dropping patch %s: no user %s", LogText.escape(patch.patchId()), LogText.escape(patch.userId()));
            return Uni.createFrom().item(Outcome.UNKNOWN_USER);
        }
        return decide(persona, patch);
    }

    /** A patch that does not say when its sessions started (older producers) cannot show it is from after. */
    private static boolean learnedAfter(PersonaPatch patch, Instant deletedAt) {
        return patch.firstSessionStartedAt() != null && patch.firstSessionStartedAt().isAfter(deletedAt);
    }

    private Uni<Outcome> decide(PersonaEntity persona, PersonaPatch patch) {
        if (patch.baseVersion() > persona.version || patch.baseVersion() < 0) {
            return reject(persona, patch, List.of(new Violation(ViolationReason.UNKNOWN_BASE_VERSION, "", "base version " + patch.baseVersion()
                    + " is not a version of this persona (current " + persona.version + ")")));
        }
        if (patch.isEmpty()) {
            return reject(persona, patch, List.of(new Violation(ViolationReason.EMPTY_PATCH, "", "the patch changes nothing")));
        }
        List<Violation> past = PersonaValidator.pastValidity(patch.operations(), Clocks.now());
        if (!past.isEmpty()) {
            return reject(persona, patch, past);
        }
        // like every other rule, a sensitive value or a pinned field rejects the whole patch: never half-applied
        SensitiveDataScreen.Screened screened = sensitiveData.screen(patch);
        if (!screened.isClean()) {
            return reject(persona, screened.storable(), screened.violations());
        }
        return PinService.pinsOf(persona.userId)
                .map(pins -> PinnedPaths.touched(pins, patch.operations()))
                .chain(pinned -> pinned.isEmpty() ? applyUnlessConflicting(persona, patch)
                        : reject(persona, patch, pinned));
    }

    private Uni<Outcome> applyUnlessConflicting(PersonaEntity persona, PersonaPatch patch) {
        return changedPathsSince(persona, patch.baseVersion())
                .chain(changed -> {
                    List<Violation> conflicts = conflicts(patch.operations(), changed);
                    if (!conflicts.isEmpty()) {
                        return reject(persona, patch, conflicts);
                    }
                    PatchResult result = optimizerPatches.apply(Json.tree(persona.document), patch.operations());
                    if (!result.isApplied()) {
                        return reject(persona, patch, result.violations());
                    }
                    return writer.commit(persona, result.persona(), new PersonaWriter.Change(ChangeSource.OPTIMIZER,
                            patch.patchId(), patch.sourceSessionIds(), patch.operations(), patch.model()))
                            .chain(view -> processed(patch, "APPLIED", view.version()))
                            .replaceWith(Outcome.APPLIED);
                });
    }

    /** Compared by state, field by field: a change undone since the base is no conflict. */
    private static Uni<Set<String>> changedPathsSince(PersonaEntity persona, long baseVersion) {
        if (baseVersion == persona.version) {
            return Uni.createFrom().item(Set.of());
        }
        Uni<JsonNode> base = baseVersion == 0
                ? Uni.createFrom().item(PersonaJson.emptyPersona())
                : PersonaVersionEntity.find(persona.userId, baseVersion).map(row -> Json.tree(row.document));
        return base.map(document -> PersonaPaths.changedFields(document, Json.tree(persona.document)));
    }

    private static List<Violation> conflicts(List<PatchOperation> operations, Set<String> changed) {
        List<Violation> conflicts = new ArrayList<>();
        for (PatchOperation op : operations) {
            changed.stream()
                    .filter(path -> PersonaPaths.overlap(op.path(), path))
                    .findFirst()
                    .ifPresent(path -> conflicts.add(new Violation(ViolationReason.CONFLICTS_WITH_NEWER_CHANGE, op.path(),
                            "changed since the patch's base version (at " + path + ")")));
        }
        return conflicts;
    }

    private Uni<Outcome> reject(PersonaEntity persona, PersonaPatch patch, List<Violation> reasons) {
        Log.infof("parking patch %s for user %s: %s", LogText.escape(patch.patchId()), LogText.escape(patch.userId()),
                LogText.escape(String.valueOf(reasons)));
        RejectedPatchEntity rejected = new RejectedPatchEntity();
        rejected.patchId = patch.patchId();
        rejected.userId = patch.userId();
        rejected.baseVersion = patch.baseVersion();
        rejected.currentVersion = persona.version;
        rejected.reasons = Json.write(reasons);
        rejected.patch = Json.storable(Json.write(patch));
        rejected.rejectedAt = Clocks.now();
        return rejected.persist()
                .chain(() -> processed(patch, "REJECTED", null))
                .replaceWith(Outcome.REJECTED);
    }

    private static Uni<Void> processed(PersonaPatch patch, String outcome, Long version) {
        ProcessedPatchEntity processed = new ProcessedPatchEntity();
        processed.patchId = patch.patchId();
        processed.outcome = outcome;
        processed.version = version;
        processed.processedAt = Clocks.now();
        return processed.persist().replaceWithVoid();
    }

}
