package ai.persona.eval.run;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import ai.persona.personabench.BenchPersona;
import ai.persona.personabench.Scene;
import ai.persona.eval.config.Setting;
import ai.persona.eval.llm.Roles;
import ai.persona.eval.llm.Usage;
import ai.persona.eval.llm.Verdicts.Scores;
import ai.persona.eval.llm.Verdicts.Similarity;
import ai.persona.eval.llm.Verdicts.Verdict;
import ai.persona.eval.stack.Deployment;
import ai.persona.eval.stack.Deployment.PersonaState;

/**
 * What happens after a scene's session ended: the judge scores the session's first reply, and for a learner whose
 * batch this session completed, the tool waits until that batch ends, before the next session starts, as in the
 * paper's protocol: a new persona version learned from this very session (then compared with the golden persona), or
 * the batch's terminal status in the updater (NO_CHANGE, PARKED), which ends the wait at once.
 */
public final class CellJudge {

    private static final Duration POLL = Duration.ofMillis(300);

    private final Deployment deployment;
    private final Roles roles;
    private final Duration updateTimeout;

    public CellJudge(Deployment deployment, Roles roles, Duration updateTimeout) {
        this.deployment = deployment;
        this.roles = roles;
        this.updateTimeout = updateTimeout;
    }

    public CellResult finish(Conversation conversation, BenchPersona persona, Scene scene, Setting setting,
            String token) {
        Map<String, Usage> usage = new HashMap<>();
        Verdict<Scores> scores = roles.judgeFirstReply(persona.golden(), scene, conversation.query(),
                conversation.firstReply());
        usage.merge("judge", scores.usage(), Usage::plus);
        Long version = null;
        UpdateOutcome outcome = null;
        Optional<Similarity> similarity = Optional.empty();
        boolean similarityMissing = false;
        boolean updated = false;
        if (setting.learns()) {
            boolean batchDue = conversation.key().sceneNumber() % setting.k() == 0;
            outcome = batchDue ? awaitBatch(conversation.userId(), conversation.sessionId(), token) : null;
            updated = outcome == UpdateOutcome.CHANGED;
            PersonaState state = deployment.persona(token);
            version = state.version();
            if (updated) {
                Verdict<Similarity> judged = roles.judgeSimilarity(persona.golden(), state.persona());
                usage.merge("judge", judged.usage(), Usage::plus);
                similarity = judged.value();
                similarityMissing = similarity.isEmpty();
            }
        }
        return new CellResult(conversation, Roles.sceneLabel(scene),
                scores.value().map(Scores::helpfulness).orElse(null),
                scores.value().map(Scores::personalization).orElse(null), scores.value().isEmpty(), version, updated,
                outcome == UpdateOutcome.TIMED_OUT, similarity.map(Similarity::consistency).orElse(null),
                similarity.map(Similarity::detail).orElse(null), similarityMissing, usage, outcome,
                similarity.map(Similarity::holistic).orElse(null));
    }

    // a PUBLISHED batch still has to be applied by session-service: its version in the history is what ends the wait
    private UpdateOutcome awaitBatch(String userId, String sessionId, String token) {
        long deadline = System.nanoTime() + updateTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (deployment.learnedFromSessions(token).contains(sessionId)) {
                return UpdateOutcome.CHANGED;
            }
            UpdateOutcome ended = UpdateOutcome.ofBatchStatus(deployment.batchStatus(userId, sessionId));
            if (ended != null) {
                return ended;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return UpdateOutcome.TIMED_OUT;
            }
        }
        return UpdateOutcome.TIMED_OUT;
    }
}
