package ai.persona.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.infra.testing.OpenAiStub;
import ai.persona.model.PersonaJson;

/**
 * The only stand-in of the evaluation's end-to-end test: local-infra's {@link OpenAiStub} playing every model, scripted
 * so that each figure of the report follows from the script. Roles are told apart by model name (the tool's roles) or
 * by the optimizer's prompt (the updater); everything else is the assistant behind the gateway.
 * <ul>
 * <li>assistant: calls {@code weatherLookup} once when offered it, then answers; the answer names the context it was
 * given: {@code [ctx:persona]} (a persona in its system prompt), {@code [ctx:rag]} (a past session) or {@code [ctx:plain]};
 * <li>simulator, strict protocol: scene N (N = 1..4) is satisfied after the N-th reply; scene 4 therefore never within
 * 3 turns; paper protocol: the satisfaction check is satisfied in scene 1 only, so scene 2 runs to the cap; the
 * follow-up writer answers garbage if it was shown the scene's expected response;
 * <li>judge: helpfulness 7, personalization 8 / 6 / 4 for persona / rag / plain replies; every first reply of scene 4
 * of the second persona gets an unparsable verdict; similarity 6 and 4; pairwise prefers persona over rag over plain;
 * <li>optimizer: adds "喜欢先听结论（第n批）", one batch further each time, so every batch changes the persona; except
 * for a learner that was given 林晓's golden Demographics (the paper protocol's start), whose batch of scene 2 changes
 * nothing.
 * </ul>
 */
final class ScriptedLlm implements AutoCloseable {

    static final String LEARNED = "喜欢先听结论";
    static final String TOOL_RESULT = "{\"weather\":\"晴，25度\"}";
    /** The fixture's expected response: what the paper's follow-up writer must never see. */
    static final String EXPECTED = "AI应该给出具体可行的建议";
    private static final Pattern SCENE = Pattern.compile("【场景(\\d)】");
    private static final Pattern REPLY = Pattern.compile("(?m)^Assistant: ");
    private static final Pattern BATCH = Pattern.compile(LEARNED + "（第(\\d+)批）");

    private final OpenAiStub server = OpenAiStub.start();
    final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger simulatorGarbage = new AtomicInteger();
    final AtomicInteger pairwise = new AtomicInteger();
    final AtomicInteger followUpsShownTheExpected = new AtomicInteger();

    ScriptedLlm() {
        server.on().computesMessage(this::handle);
    }

    /** Ends in {@code /v1/}. */
    String baseUrl() {
        return server.baseUrl();
    }

    long count(String model) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.path("model").asText().equals(model)).count();
        }
    }

    private ObjectNode handle(JsonNode request) {
        requests.add(request);
        return answer(request);
    }

    private ObjectNode answer(JsonNode request) {
        String model = request.path("model").asText();
        String system = text(request, "system");
        String user = text(request, "user");
        return switch (model) {
            case "sim-model" -> content(system.contains("[persona-eval:simulator-") ? paperSimulator(system, user)
                    : simulator(system, user));
            case "tool-model" -> content(TOOL_RESULT);
            case "judge-model" -> content(judge(system, user));
            default -> isOptimizer(system, request) ? content(optimizer(request.toString())) : assistant(request);
        };
    }

    private String simulator(String system, String transcript) {
        int scene = scene(transcript);
        int replies = count(REPLY, transcript);
        if (scene == 1 && system.contains("王磊") && simulatorGarbage.getAndIncrement() == 0) {
            return "I guess I am satisfied.";
        }
        if (replies >= scene) {
            return "{\"satisfied\": true}";
        }
        return "{\"satisfied\": false, \"message\": \"请再具体一点（第" + replies + "次）\"}";
    }

    // the updater's prompt, in either of its modes: the one asked for persona operations
    private static boolean isOptimizer(String system, JsonNode request) {
        return system.contains("You maintain the long-term persona") || request.toString().contains("\\\"operations\\\"");
    }

    private String paperSimulator(String system, String transcript) {
        int scene = scene(transcript);
        if (system.contains("[persona-eval:simulator-satisfaction]")) {
            return "{\"satisfied\": " + (scene == 1) + "}";
        }
        if (system.contains(EXPECTED)) {
            followUpsShownTheExpected.incrementAndGet();
            return "I saw the expected answer.";
        }
        return "{\"message\": \"请再具体一点（第" + count(REPLY, transcript) + "次）\"}";
    }

    private String judge(String system, String user) {
        if (system.contains("[persona-eval:judge-similarity-holistic]")) {
            return "{\"rationale\": \"部分相符\", \"similarity\": 7, \"consistency\": 6, \"detail\": 4}";
        }
        if (system.contains("[persona-eval:judge-similarity]")) {
            return "{\"consistency\": 6, \"detail\": 4}";
        }
        if (system.contains("[persona-eval:judge-pairwise]")) {
            int a = rank(user.substring(user.indexOf("Reply A:"), user.indexOf("Reply B:")));
            int b = rank(user.substring(user.indexOf("Reply B:")));
            pairwise.incrementAndGet();
            return "{\"winner\": \"" + (a > b ? "A" : b > a ? "B" : "tie") + "\"}";
        }
        if (user.contains("【场景4】") && user.contains("王磊")) {
            return "helpfulness: 7/10, personalization: high";
        }
        int personalization = switch (rank(user.substring(user.indexOf("Assistant's reply:")))) {
            case 2 -> 8;
            case 1 -> 6;
            default -> 4;
        };
        return "{\"helpfulness\": 7, \"personalization\": " + personalization + "}";
    }

    private static String optimizer(String request) {
        if (request.contains(BenchFixture.FIRST) && request.contains("【场景2】")) {
            return "{\"operations\": []}";
        }
        int batch = 0;
        Matcher seen = BATCH.matcher(request);
        while (seen.find()) {
            batch = Math.max(batch, Integer.parseInt(seen.group(1)));
        }
        ObjectNode op = PersonaJson.mapper().createObjectNode().put("action", "update_field")
                .put("section", "Preference").put("field", "Preferred_Styles")
                .put("value", LEARNED + "（第" + (batch + 1) + "批）").put("reason", "用户多次要求先给结论");
        ObjectNode answer = PersonaJson.mapper().createObjectNode();
        answer.putArray("operations").add(op);
        return answer.toString();
    }

    private ObjectNode assistant(JsonNode request) {
        JsonNode messages = request.path("messages");
        boolean offered = request.path("tools").toString().contains("weatherLookup");
        boolean called = messages.toString().contains("\"role\":\"tool\"");
        if (offered && !called) {
            ObjectNode message = PersonaJson.mapper().createObjectNode().put("role", "assistant");
            message.putNull("content");
            ObjectNode call = message.putArray("tool_calls").addObject().put("id", "call-1").put("type", "function");
            call.putObject("function").put("name", "weatherLookup").put("arguments", "{\"city\":\"杭州\"}");
            return message;
        }
        String context = context(text(request, "system"));
        String weather = called ? "天气：" + TOOL_RESULT + "。" : "";
        return content("好的，这是我的建议。" + weather + "[ctx:" + context + "]");
    }

    /** persona 2, rag 1, plain 0: the context a reply says the assistant had. */
    private static int rank(String reply) {
        return reply.contains("[ctx:persona]") ? 2 : reply.contains("[ctx:rag]") ? 1 : 0;
    }

    // a persona (golden: the name; learned: the optimizer's value) or a past session (its scene-tagged query)
    private static String context(String system) {
        if (system.contains(LEARNED) || system.contains("林晓") || system.contains("王磊")) {
            return "persona";
        }
        return system.contains("【场景") ? "rag" : "plain";
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }

    private static int scene(String text) {
        Matcher matcher = SCENE.matcher(text);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 1;
    }

    private static String text(JsonNode request, String role) {
        StringBuilder text = new StringBuilder();
        for (JsonNode message : request.path("messages")) {
            if (message.path("role").asText().equals(role)) {
                text.append(message.path("content").asText()).append('\n');
            }
        }
        return text.toString();
    }

    private static ObjectNode content(String text) {
        return PersonaJson.mapper().createObjectNode().put("role", "assistant").put("content", text);
    }

    @Override
    public void close() {
        server.close();
    }
}
