package ai.persona.benchgen.llm;

/** {@code --max-calls} is reached: the run stops before its next unit; a rerun into the same folder resumes. */
public class CallBudgetSpent extends RuntimeException {

    public CallBudgetSpent(long calls) {
        super("stopped after " + calls + " LLM calls (--max-calls); run again into the same --out to resume");
    }
}
