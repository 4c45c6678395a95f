package ai.persona.benchgen.llm;

import com.fasterxml.jackson.databind.JsonNode;

/** Asks for one unit: a malformed or invalid answer is asked again once, then the unit is dropped with its reason. */
public final class Attempts {

    static final int MAX_ATTEMPTS = 2;

    private final CallBudget budget;

    public Attempts(CallBudget budget) {
        this.budget = budget;
    }

    public Outcome ask(StageModel model, Prompt.Text prompt, AnswerParser parser) {
        budget.beforeUnit();
        Usage usage = Usage.NONE;
        String reason = "";
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            budget.spend();
            StageModel.Reply reply = model.ask(prompt.system(), prompt.user());
            usage = usage.plus(reply.usage());
            try {
                JsonNode value = parser.parse(reply.text());
                return new Outcome(value, null, usage);
            } catch (InvalidAnswer invalid) {
                reason = invalid.getMessage();
            }
        }
        return new Outcome(null, reason + " (after " + MAX_ATTEMPTS + " attempts)", usage);
    }
}
