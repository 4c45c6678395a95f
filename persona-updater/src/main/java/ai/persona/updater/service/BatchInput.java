package ai.persona.updater.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.events.ConversationCompleted;
import ai.persona.updater.llm.OptimizerMode;

/**
 * What the optimizer works from: the batch's sessions, oldest first, the persona snapshot they are applied to, and the
 * mode in effect for the user now, and the fields and sections the user pinned (JSON Pointers; empty when none, or when
 * session-service could not say).
 */
public record BatchInput(UUID batchId, String userId, List<String> sessionIds, long baseVersion, ObjectNode persona,
        List<ConversationCompleted> sessions, OptimizerMode mode, List<String> pins) {

    public BatchInput {
        pins = pins == null ? List.of() : List.copyOf(pins);
    }

    public BatchInput(UUID batchId, String userId, List<String> sessionIds, long baseVersion, ObjectNode persona,
            List<ConversationCompleted> sessions, OptimizerMode mode) {
        this(batchId, userId, sessionIds, baseVersion, persona, sessions, mode, List.of());
    }

    public BatchInput withPins(List<String> userPins) {
        return new BatchInput(batchId, userId, sessionIds, baseVersion, persona, sessions, mode, userPins);
    }

    /**
     * When the earliest session started (its end, for a producer that gave no start): session-service refuses a patch
     * learned from a session that started before the user's latest deletion.
     */
    public Instant firstSessionStartedAt() {
        return sessions.stream()
                .map(session -> session.startedAt() != null ? session.startedAt() : session.endedAt())
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }
}
