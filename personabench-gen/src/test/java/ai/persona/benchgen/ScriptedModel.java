package ai.persona.benchgen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.infra.testing.OpenAiStub;

/**
 * The only stand-in of these tests: local-infra's {@link OpenAiStub}, its answers computed per stage and
 * language (told apart by the prompts' first words and the language they ask for). By default every answer is valid:
 * personas from {@link ScriptedAnswers}, scenes named by position, queries and neutralized queries naming their
 * scene. A test adds {@link #override overrides} to script faults.
 */
final class ScriptedModel implements AutoCloseable {

    static final Pattern PERSONA_NAME = Pattern.compile("\"Name\" : \"([^\"]+)\"");
    private static final Pattern COUNTS = Pattern.compile("exactly (\\d+) common scenes in the order given and exactly\\s+"
            + "(\\d+) specific");

    /** One request as the script sees it. */
    record Call(String stage, boolean chinese, String system, String user) {

        String personaName() {
            Matcher name = PERSONA_NAME.matcher(system);
            return name.find() ? name.group(1) : "";
        }
    }

    private record Scripted(Predicate<Call> when, String answer, int[] left) {
    }

    private final OpenAiStub server = OpenAiStub.start();
    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<Scripted> overrides = Collections.synchronizedList(new ArrayList<>());

    ScriptedModel() {
        server.on().computes(this::answer);
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** The next {@code times} calls that match answer this instead. */
    void override(Predicate<Call> when, String answer, int times) {
        overrides.add(new Scripted(when, answer, new int[] {times}));
    }

    long count(String stage) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.stage().equals(stage)).count();
        }
    }

    private String answer(JsonNode request) {
        String system = request.path("messages").path(0).path("content").asText();
        String user = request.path("messages").path(1).path("content").asText();
        Call call = new Call(stage(system), (system + user).contains("Simplified Chinese"), system, user);
        calls.add(call);
        String answer = overridden(call);
        return answer != null ? answer : scripted(call);
    }

    private String overridden(Call call) {
        synchronized (overrides) {
            for (Scripted o : overrides) {
                if (o.left()[0] > 0 && o.when().test(call)) {
                    o.left()[0]--;
                    return o.answer();
                }
            }
        }
        return null;
    }

    private static String stage(String system) {
        if (system.startsWith("You write realistic user personas")) {
            return "persona";
        } else if (system.startsWith("You design test scenes")) {
            return "outline";
        } else if (system.startsWith("You write the details of one test scene")) {
            return "detail";
        } else if (system.startsWith("You play a real person")) {
            return "query";
        } else if (system.startsWith("You check one generated test scene")) {
            return "filter";
        }
        return "unknown";
    }

    private static String scripted(Call call) {
        ScriptedAnswers answers = new ScriptedAnswers(call.chinese());
        return switch (call.stage()) {
            case "persona" -> answers.persona(taken(call.user()));
            case "outline" -> {
                Matcher counts = COUNTS.matcher(call.user());
                if (!counts.find()) {
                    throw new IllegalStateException("no scene counts in the outline prompt");
                }
                yield answers.outline(call.personaName(), Integer.parseInt(counts.group(1)),
                        Integer.parseInt(counts.group(2)));
            }
            case "detail" -> answers.detail(call.personaName(), call.system());
            case "query" -> answers.query(call.system());
            case "filter" -> answers.filter(call.system());
            default -> "I do not know this prompt.";
        };
    }

    /** How many personas the prompt lists as already written. */
    private static int taken(String user) {
        return user.contains("(none yet)") ? 0 : (int) user.lines().filter(l -> l.startsWith("- ")).count();
    }

    @Override
    public void close() {
        server.close();
    }
}
