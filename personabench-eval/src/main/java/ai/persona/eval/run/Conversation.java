package ai.persona.eval.run;

import java.util.List;
import java.util.Map;

import ai.persona.eval.llm.Usage;

/**
 * A scene played to its end and its session ended: kept on disk before anything is judged, so that a run killed while
 * judging resumes from here instead of talking the scene again (a second session would shift a learner's batches).
 *
 * @param utterances the user's messages until satisfied, or the cap; null when the simulator's verdict was unparsable
 * @param firstReplyToolCalls the tool calls the assistant made before its first reply
 */
public record Conversation(CellKey key, String userId, String sessionId, String query, String firstReply,
        Integer utterances, boolean satisfied, int toolCalls, List<Turn> transcript, Map<String, Usage> usage,
        long millis, int firstReplyToolCalls) {

    public Conversation {
        transcript = List.copyOf(transcript);
        usage = Map.copyOf(usage);
    }
}
