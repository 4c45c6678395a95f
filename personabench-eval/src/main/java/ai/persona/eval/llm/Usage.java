package ai.persona.eval.llm;

/** Calls and tokens one role spent; the unit of the run's running cost. */
public record Usage(long calls, long inputTokens, long outputTokens) {

    public static final Usage NONE = new Usage(0, 0, 0);

    public Usage plus(Usage other) {
        return new Usage(calls + other.calls, inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }
}
