package ai.persona.updater.rest;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.updater.llm.OptimizerMode;
import ai.persona.updater.persistence.BatchEntity;
import ai.persona.updater.persistence.BatchStatus;
import ai.persona.updater.persistence.BatchTrigger;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A batch as the API shows it. The id is also the patch id.
 *
 * @param optimizerMode the mode the batch was (last) optimized with; null until it was
 * @param proposal the PersonaPatchProposed event, once optimized
 * @param rawAnswers a parked batch's model answers (first and repair), for inspection
 * @param problems why a parked batch was parked
 */
@RegisterForReflection
public record BatchView(UUID id, String userId, BatchStatus status, BatchTrigger trigger, List<String> sessionIds,
        Long baseVersion, OptimizerMode optimizerMode, JsonNode proposal, JsonNode rawAnswers, JsonNode problems, int inputTokens, int outputTokens,
        int llmCalls, int attempts, Instant createdAt, Instant updatedAt, Instant publishedAt) {

    static BatchView of(BatchEntity row, ObjectMapper mapper) {
        try {
            return new BatchView(row.id, row.userId, row.status, row.trigger,
                    mapper.readValue(row.sessionIds, new TypeReference<List<String>>() {
                    }), row.baseVersion, row.optimizerMode, tree(mapper, row.proposal), tree(mapper, row.rawOutput),
                    tree(mapper, row.problems), row.inputTokens, row.outputTokens, row.llmCalls, row.attempts,
                    row.createdAt, row.updatedAt, row.publishedAt);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(ObjectMapper mapper, String json) throws JsonProcessingException {
        return json == null ? null : mapper.readTree(json);
    }
}
