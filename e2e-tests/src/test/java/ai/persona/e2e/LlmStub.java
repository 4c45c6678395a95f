package ai.persona.e2e;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.infra.testing.OpenAiStub;
import ai.persona.model.PersonaJson;

/**
 * The only stand-in of the end-to-end test, local-infra's {@link OpenAiStub}, with this test's script: the optimizer's
 * answer depends on the persona it is shown, so a first batch learns {@link #FIRST_STYLE} and a later one
 * {@link #TEA_HABIT}, whatever the timing; every chat turn is answered {@link #CHAT_REPLY}.
 */
final class LlmStub implements AutoCloseable {

    static final String FIRST_STYLE = "喜欢简洁、先给结论的回答";
    static final String TEA_HABIT = "每天下午喝一杯乌龙茶";
    static final String CHAT_REPLY = "好的，我明白了。";
    private static final String OPTIMIZER_MARK = "You maintain the long-term persona";

    private final OpenAiStub model = OpenAiStub.start();

    LlmStub() {
        model.on().replies(CHAT_REPLY);
        model.on(OPTIMIZER_MARK).replies(optimizerAnswer("Preference", "Preferred_Styles", FIRST_STYLE));
        model.on(OPTIMIZER_MARK, FIRST_STYLE).replies(optimizerAnswer("Pattern", "Tea_Habit", TEA_HABIT));
    }

    /**
     * The optimizer's call for a batch whose conversations contain {@code marker} is answered as usual, but only after
     * {@code hold}: a slow model, with the batch in flight meanwhile.
     */
    void holdOptimizer(String marker, Duration hold) {
        model.on(OPTIMIZER_MARK, marker).after(hold)
                .replies(optimizerAnswer("Preference", "Preferred_Styles", FIRST_STYLE));
    }

    /** Optimizer calls (received, answered or not) for conversations containing {@code marker}. */
    long optimizerCallsFor(String marker) {
        return model.count(OPTIMIZER_MARK, marker);
    }

    /** The bodies of the optimizer's requests (first calls and repairs) for conversations containing {@code marker}. */
    List<String> optimizerRequestsFor(String marker) {
        return model.requestBodies(OPTIMIZER_MARK, marker);
    }

    String baseUrl() {
        return model.baseUrl();
    }

    /** The bodies of the chat requests (not optimizer ones) as the gateway sent them, oldest first. */
    List<String> chatRequests() {
        return model.requestBodies().stream().filter(body -> !body.contains(OPTIMIZER_MARK)).toList();
    }

    long optimizerCalls() {
        return model.count(OPTIMIZER_MARK);
    }

    private static String optimizerAnswer(String section, String field, String value) {
        ObjectNode op = PersonaJson.mapper().createObjectNode()
                .put("action", "update_field").put("section", section).put("field", field).put("value", value)
                .put("reason", "用户在对话中提到");
        ObjectNode answer = PersonaJson.mapper().createObjectNode();
        answer.putArray("operations").add(op);
        return answer.toString();
    }

    @Override
    public void close() {
        model.close();
    }
}
