package ai.persona.updater.service;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.events.ConversationCompleted;

/** What the optimizer works from: the batch's sessions, oldest first, and the persona snapshot they are applied to. */
public record BatchInput(UUID batchId, String userId, List<String> sessionIds, long baseVersion, ObjectNode persona,
        List<ConversationCompleted> sessions) {
}
