package ai.persona.eval.run;

import java.util.Map;

import ai.persona.eval.llm.Usage;

/**
 * A finished cell: one line of {@code cells.jsonl}. Scores are null when the judge's verdict stayed unparsable (counted
 * as missing, never guessed); persona fields are set for learning settings after the session that completed a batch.
 *
 * @param updated whether the persona changed after this session (learning settings)
 * @param updateTimedOut a batch was due after this session but it neither made a version nor ended otherwise within
 *        the timeout
 * @param updateOutcome how the batch this session completed ended ({@link UpdateOutcome}); null when none was due
 * @param similarity the holistic similarity (paper protocol); null under strict, whose figure is the mean of the two
 */
public record CellResult(Conversation conversation, String sceneName, Integer helpfulness, Integer personalization,
        boolean scoresMissing, Long personaVersion, boolean updated, boolean updateTimedOut, Integer consistency,
        Integer detail, boolean similarityMissing, Map<String, Usage> judgeUsage, UpdateOutcome updateOutcome,
        Integer similarity) {

    public CellResult {
        judgeUsage = Map.copyOf(judgeUsage);
    }

    public CellKey key() {
        return conversation.key();
    }
}
