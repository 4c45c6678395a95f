package ai.persona.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ai.persona.gateway.client.UpdaterClient;
import ai.persona.gateway.client.UpdaterClient.LearningRecord;
import ai.persona.gateway.client.UpdaterClient.LearningSettings;
import ai.persona.input.LogText;
import ai.persona.runtime.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * A user's learning settings, kept by persona-updater (which makes the batches) and shown and changed through the
 * gateway, so a person or app needs no access to the internal service.
 */
@ApplicationScoped
public class Learning {

    private final UpdaterClient updater;

    public Learning(@RestClient UpdaterClient updater) {
        this.updater = updater;
    }

    public Uni<LearningState> of(String userId) {
        return reached(updater.learning(userId), userId)
                .map(LearningState::of);
    }

    /** Reads the current settings first: the updater replaces them as a whole. */
    public Uni<LearningState> change(String userId, LearningChange change) {
        return reached(updater.learning(userId), userId)
                .map(current -> merged(current, change))
                .chain(settings -> reached(updater.changeLearning(userId, settings), userId))
                .map(LearningState::of);
    }

    private static LearningSettings merged(LearningRecord current, LearningChange change) {
        boolean learning = change.learning() == null ? current.learningEnabled() : change.learning();
        Integer k = change.defaultSessionsPerUpdate() ? null
                : change.sessionsPerUpdate() != null ? change.sessionsPerUpdate()
                : current.defaultBatchSize() ? null : Integer.valueOf(current.batchSize());
        // the user's optimizer mode is not the gateway's to change: an operator's choice, kept as it is
        String mode = current.defaultOptimizerMode() ? null : current.optimizerMode();
        return new LearningSettings(learning, k, mode);
    }

    // an answered problem is already a ProblemException; anything else (refused, reset, timed out) means the updater
    // is away for now: the documented 503, logged once here without a stack
    private static <T> Uni<T> reached(Uni<T> call, String userId) {
        return call.onFailure(failure -> !(failure instanceof ProblemException))
                .transform(failure -> {
                    Log.warnf("persona-updater unreachable for user %s: %s", LogText.escape(userId), failure);
                    return Unavailable.learning("the learning settings cannot be reached; try again");
                });
    }
}
