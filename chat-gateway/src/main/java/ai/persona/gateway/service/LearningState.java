package ai.persona.gateway.service;

import ai.persona.gateway.client.UpdaterClient.LearningRecord;

/**
 * Whether the persona optimizer learns from a user's conversations, and how far the next update is.
 *
 * @param learning false: conversations are still kept, but no batch is made from them
 * @param sessionsPerUpdate k, the ended sessions that make one persona update
 * @param defaultSessionsPerUpdate true when k is the deployment's default, not the user's choice
 * @param sessionsTowardNextUpdate ended sessions already counted toward the next update (the "2" of "2 of 3")
 */
public record LearningState(boolean learning, int sessionsPerUpdate, boolean defaultSessionsPerUpdate,
        int sessionsTowardNextUpdate) {

    static LearningState of(LearningRecord record) {
        int buffered = record.bufferedSessionIds() == null ? 0 : record.bufferedSessionIds().size();
        return new LearningState(record.learningEnabled(), record.batchSize(), record.defaultBatchSize(), buffered);
    }
}
