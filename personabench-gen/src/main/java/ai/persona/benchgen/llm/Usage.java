package ai.persona.benchgen.llm;

/** Calls and tokens spent; what a unit cost, summed per stage for the summary. */
public record Usage(long calls, long inputTokens, long outputTokens) {

    public static final Usage NONE = new Usage(0, 0, 0);

    public Usage plus(Usage other) {
        return new Usage(calls + other.calls, inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }
}
