package ai.persona.eval.run;

import java.util.Map;

import ai.persona.eval.llm.Usage;

/**
 * A finished cell: one line of {@code cells.jsonl}. Scores are null when the judge's verdict stayed unparsable (counted
 * as missing, never guessed); persona fields are set for learning settings after the session that completed a batch.
 *
 * @param updated whether the persona changed after this session (learning settings)
 * @param updateTimedOut a batch was due after this session but no new version came within the timeout
 */
public record CellResult(Conversation conversation, String sceneName, Integer helpfulness, Integer personalization,
        boolean scoresMissing, Long personaVersion, boolean updated, boolean updateTimedOut, Integer consistency,
        Integer detail, boolean similarityMissing, Map<String, Usage> judgeUsage) {

    public CellResult {
        judgeUsage = Map.copyOf(judgeUsage);
    }

    public CellKey key() {
        return conversation.key();
    }
}
