package ai.persona.session.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.persona.events.ChangeSource;
import ai.persona.model.PatchOperation;
import ai.persona.model.PersonaFixtures;
import ai.persona.model.PersonaPatch;
import ai.persona.session.persistence.ProcessedPatchEntity;
import ai.persona.session.service.ProposedPatchService.Outcome;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.smallrye.mutiny.Uni;

/**
 * The patch decision at component level: {@link ProposedPatchService} called directly on a Vert.x context against the
 * real PostgreSQL, no Kafka in between, so each outcome and its reason is asserted the moment it is decided. The
 * consumer around it is {@code PatchConsumerTest} (full stack) and {@code messaging.PatchConsumerComponentTest}.
 */
@QuarkusTest
class ProposedPatchServiceTest {

    @Inject
    ProposedPatchService patches;

    @Inject
    PersonaService personas;

    @Inject
    PinService pins;

    @Inject
    UserService users;

    @Inject
    ExpiryService expiries;

    @Inject
    SessionService sessions;

    @Test
    @RunOnVertxContext
    void aPatchOnTheCurrentVersionIsTheNextVersionAndRememberedAsApplied(UniAsserter asserter) {
        String userId = user();
        String patchId = patchId();
        asserter.execute(() -> personas.replace(userId, PersonaFixtures.teaShopOwner(), null));
        asserter.assertEquals(() -> patches.apply(patch(userId, 1, patchId, add("/Pattern/Tea", "乌龙"))), Outcome.APPLIED);
        asserter.assertThat(() -> personas.current(userId), persona -> {
            assertThat(persona.version()).isEqualTo(2);
            assertThat(persona.persona().at("/Pattern/Tea").asText()).isEqualTo("乌龙");
        });
        asserter.assertThat(() -> processed(patchId), row -> {
            assertThat(row.outcome).isEqualTo("APPLIED");
            assertThat(row.version).isEqualTo(2L);
        });
        asserter.assertThat(() -> personas.history(userId, 0, 10), history -> {
            assertThat(history.items().get(0).source()).isEqualTo(ChangeSource.OPTIMIZER);
            assertThat(history.items().get(0).sourceSessionIds()).containsExactly("s1", "s2", "s3");
        });
    }

    @Test
    @RunOnVertxContext
    void theSamePatchIdTwiceIsAppliedOnceAndThenADuplicate(UniAsserter asserter) {
        String userId = user();
        PersonaPatch patch = patch(userId, 0, patchId(), add("/Pattern/Tea", "乌龙"));
        asserter.execute(() -> sessions.create(userId, null, null));
        asserter.assertEquals(() -> patches.apply(patch), Outcome.APPLIED);
        asserter.assertEquals(() -> patches.apply(patch), Outcome.DUPLICATE);
        asserter.assertEquals(() -> personas.history(userId, 0, 10).map(PageView::total), 1L);
    }

    @Test
    @RunOnVertxContext
    void aBaseVersionThePersonaNeverHadIsParkedAsUnknownBaseVersion(UniAsserter asserter) {
        String userId = user();
        String patchId = patchId();
        asserter.execute(() -> personas.replace(userId, PersonaFixtures.teaShopOwner(), null));
        asserter.assertEquals(() -> patches.apply(patch(userId, 5, patchId, add("/Pattern/Tea", "乌龙"))),
                Outcome.REJECTED);
        asserter.assertThat(() -> users.export(userId), export -> {
            assertThat(export.persona().version()).isEqualTo(1);
            UserExport.RejectedPatchView parked = export.rejectedPatches().get(0);
            assertThat(parked.patchId()).isEqualTo(patchId);
            assertThat(parked.baseVersion()).isEqualTo(5);
            assertThat(parked.currentVersion()).isEqualTo(1);
            assertThat(parked.reasons().get(0).get("reason").asText()).isEqualTo("UNKNOWN_BASE_VERSION");
        });
        asserter.assertEquals(() -> processed(patchId).map(row -> row.outcome), "REJECTED");
    }

    @Test
    @RunOnVertxContext
    void aStalePatchIsAppliedOnUntouchedFieldsAndParkedOnWhatTheUserEditedSince(UniAsserter asserter) {
        String userId = user();
        String conflicting = patchId();
        asserter.execute(() -> personas.replace(userId, PersonaFixtures.teaShopOwner(), null));
        asserter.execute(() -> personas.edit(userId, 1, List.of(replace("/Preference/Preferred_Styles", "幽默"))));
        asserter.assertEquals(() -> patches.apply(patch(userId, 1, conflicting,
                replace("/Preference/Preferred_Styles", "严肃"), add("/Pattern/Tea", "绿茶"))), Outcome.REJECTED);
        asserter.assertEquals(() -> patches.apply(patch(userId, 1, patchId(),
                replace("/Pattern/Usage_Pattern", "周末使用"))), Outcome.APPLIED);
        asserter.assertThat(() -> users.export(userId), export -> {
            assertThat(export.persona().version()).isEqualTo(3);
            assertThat(export.persona().persona().at("/Preference/Preferred_Styles").asText()).isEqualTo("幽默");
            assertThat(export.persona().persona().at("/Pattern/Usage_Pattern").asText()).isEqualTo("周末使用");
            assertThat(export.persona().persona().has("Tea")).isFalse();
            UserExport.RejectedPatchView parked = export.rejectedPatches().get(0);
            assertThat(parked.patchId()).isEqualTo(conflicting);
            assertThat(parked.reasons()).hasSize(1);
            assertThat(parked.reasons().get(0).get("reason").asText()).isEqualTo("CONFLICTS_WITH_NEWER_CHANGE");
            assertThat(parked.reasons().get(0).get("path").asText()).isEqualTo("/Preference/Preferred_Styles");
        });
    }

    @Test
    @RunOnVertxContext
    void aPatchTouchingAPinnedFieldIsParkedAsPinnedAndChangesNothing(UniAsserter asserter) {
        String userId = user();
        asserter.execute(() -> personas.replace(userId, PersonaFixtures.teaShopOwner(), null));
        asserter.execute(() -> pins.replace(userId, List.of("/Preference")));
        asserter.assertEquals(() -> patches.apply(patch(userId, 1, patchId(),
                add("/Pattern/Tea", "绿茶"), replace("/Preference/Preferred_Styles", "严肃"))), Outcome.REJECTED);
        asserter.assertThat(() -> users.export(userId), export -> {
            assertThat(export.persona().version()).isEqualTo(1);
            assertThat(export.rejectedPatches().get(0).reasons().get(0).get("reason").asText()).isEqualTo("PINNED");
            assertThat(export.rejectedPatches().get(0).reasons().get(0).get("path").asText())
                    .isEqualTo("/Preference/Preferred_Styles");
        });
    }

    @Test
    @RunOnVertxContext
    void aPatchLearnedBeforeTheUsersDeletionIsRefusedAsForgottenAndKeepsOnlyItsId(UniAsserter asserter) {
        String userId = user();
        Instant before = Instant.now().minus(1, ChronoUnit.HOURS);
        PersonaPatch late = learnedFrom(before, patch(userId, 0, patchId(), add("/Pattern/Late", "迟到")));
        asserter.execute(() -> sessions.create(userId, null, null));
        asserter.execute(() -> users.delete(userId));
        asserter.assertEquals(() -> patches.apply(late), Outcome.FORGOTTEN);
        asserter.assertEquals(() -> patches.apply(late), Outcome.DUPLICATE);
        asserter.assertThat(() -> processed(late.patchId()), row -> {
            assertThat(row.outcome).isEqualTo("FORGOTTEN");
            assertThat(row.version).isNull();
        });
        // learned after the deletion, but the user has not come back: a patch never creates a user
        PersonaPatch after = learnedFrom(Instant.now().plus(1, ChronoUnit.MINUTES),
                patch(userId, 0, patchId(), add("/Pattern/New", "新")));
        asserter.assertEquals(() -> patches.apply(after), Outcome.UNKNOWN_USER);
        asserter.assertThat(() -> processed(after.patchId()), row -> assertThat(row).isNull());
    }

    @Test
    @RunOnVertxContext
    void aUserWhoCameBackAfterADeletionGetsPatchesLearnedSinceButNotBefore(UniAsserter asserter) {
        String userId = user();
        asserter.execute(() -> sessions.create(userId, null, null));
        asserter.execute(() -> users.delete(userId));
        asserter.execute(() -> sessions.create(userId, null, null));
        asserter.assertEquals(() -> patches.apply(patch(userId, 0, patchId(), add("/Pattern/Old", "旧"))),
                Outcome.FORGOTTEN);
        asserter.assertEquals(() -> patches.apply(learnedFrom(Instant.now().plus(1, ChronoUnit.MINUTES),
                patch(userId, 0, patchId(), add("/Pattern/New", "新")))), Outcome.APPLIED);
        asserter.assertThat(() -> personas.current(userId), persona -> {
            assertThat(persona.version()).isEqualTo(1);
            assertThat(persona.persona().has("Old")).isFalse();
            assertThat(persona.persona().at("/Pattern/New").asText()).isEqualTo("新");
        });
    }

    @Test
    @RunOnVertxContext
    void aTemporaryValueIsAppliedAndRemovedAsAnExpiryVersionOnceItsValidityPassed(UniAsserter asserter) {
        String userId = user();
        Instant until = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        asserter.execute(() -> personas.replace(userId, PersonaFixtures.teaShopOwner(), null));
        asserter.assertEquals(() -> patches.apply(patch(userId, 1, patchId(),
                add("/Pattern/Current_Location", "这个月在东京").until(until))), Outcome.APPLIED);
        asserter.assertEquals(() -> expiries.expire(userId, until.minusSeconds(1)), false);
        asserter.assertEquals(() -> expiries.expire(userId, until.plusSeconds(1)), true);
        asserter.assertThat(() -> personas.history(userId, 0, 10), history -> {
            assertThat(history.items()).extracting(PersonaVersionView::version).containsExactly(3L, 2L, 1L);
            assertThat(history.items().get(0).source()).isEqualTo(ChangeSource.EXPIRY);
            assertThat(history.items().get(0).persona().at("/Pattern/Current_Location").isMissingNode()).isTrue();
        });
    }

    @Test
    @RunOnVertxContext
    void aValidityAlreadyPastOrAnEmptyPatchIsParkedWithItsReason(UniAsserter asserter) {
        String userId = user();
        asserter.execute(() -> personas.replace(userId, PersonaFixtures.teaShopOwner(), null));
        asserter.assertEquals(() -> patches.apply(patch(userId, 1, patchId(),
                add("/Pattern/Current_Location", "上个月在东京").until(Instant.now().minus(1, ChronoUnit.DAYS)))),
                Outcome.REJECTED);
        asserter.assertEquals(() -> patches.apply(patch(userId, 1, patchId())), Outcome.REJECTED);
        asserter.assertThat(() -> users.export(userId), export -> {
            assertThat(export.persona().version()).isEqualTo(1);
            assertThat(export.rejectedPatches()).extracting(parked -> parked.reasons().get(0).get("reason").asText())
                    .containsExactlyInAnyOrder("NOT_TEMPORARY", "EMPTY_PATCH");
        });
    }

    @Test
    @RunOnVertxContext
    void aSensitiveValueParksTheWholePatchWithItsCategoryAndWithoutTheValue(UniAsserter asserter) {
        String userId = user();
        asserter.execute(() -> personas.replace(userId, PersonaFixtures.teaShopOwner(), null));
        asserter.assertEquals(() -> patches.apply(patch(userId, 1, patchId(), add("/Pattern/Tea", "乌龙"),
                add("/Pattern/Payment", "4111 1111 1111 1111"))), Outcome.REJECTED);
        asserter.assertThat(() -> users.export(userId), export -> {
            assertThat(export.persona().version()).isEqualTo(1);
            UserExport.RejectedPatchView parked = export.rejectedPatches().get(0);
            assertThat(parked.reasons()).hasSize(1);
            assertThat(parked.reasons().get(0).get("reason").asText()).isEqualTo("SENSITIVE_DATA");
            assertThat(parked.reasons().get(0).get("path").asText()).isEqualTo("/Pattern/Payment");
            assertThat(parked.patch().toString()).doesNotContain("4111").contains("乌龙");
        });
    }

    private static Uni<ProcessedPatchEntity> processed(String patchId) {
        return Panache.withSession(() -> ProcessedPatchEntity.<ProcessedPatchEntity>findById(patchId));
    }

    private static PersonaPatch patch(String userId, long baseVersion, String patchId, PatchOperation... operations) {
        return new PersonaPatch(patchId, userId, baseVersion, List.of("s1", "s2", "s3"), List.of(operations),
                "stub-model", Instant.now());
    }

    /** The same patch, saying when the earliest session it was learned from started. */
    private static PersonaPatch learnedFrom(Instant firstSessionStartedAt, PersonaPatch patch) {
        return new PersonaPatch(patch.patchId(), patch.userId(), patch.baseVersion(), patch.sourceSessionIds(),
                patch.operations(), patch.model(), patch.createdAt(), firstSessionStartedAt);
    }

    private static PatchOperation add(String path, String value) {
        return PatchOperation.add(path, PersonaFixtures.text(value), "因为用户说过");
    }

    private static PatchOperation replace(String path, String value) {
        return PatchOperation.replace(path, PersonaFixtures.text(value), "因为用户说过");
    }

    private static String user() {
        return "component-" + UUID.randomUUID();
    }

    private static String patchId() {
        return "p-" + UUID.randomUUID();
    }
}
