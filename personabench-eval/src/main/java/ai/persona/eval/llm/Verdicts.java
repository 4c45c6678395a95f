package ai.persona.eval.llm;

import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.model.PersonaJson;

/**
 * The strict formats the roles answer in, and how an answer is read: one JSON object (a code fence around it is
 * tolerated, as models add one), with every field present and in range. Anything else is unparsable: the caller asks
 * again, and after its retries counts the verdict as missing. Nothing here guesses a score from prose.
 */
public final class Verdicts {

    private Verdicts() {
    }

    /** What the simulated user decided after a reply. */
    public record UserTurn(boolean satisfied, String message) {
    }

    public record Scores(int helpfulness, int personalization) {
    }

    /**
     * @param holistic the one overall score of the paper protocol's judge; null under the strict protocol, whose
     *        figure is the mean of consistency and detail
     */
    public record Similarity(Integer holistic, int consistency, int detail) {

        public Similarity(int consistency, int detail) {
            this(null, consistency, detail);
        }

        /** The figure of Table 1: the holistic score when the judge gave one, else the mean of the two scales. */
        public double score() {
            return holistic != null ? holistic : (consistency + detail) / 2.0;
        }
    }

    public enum Winner {
        A,
        B,
        TIE
    }

    /** Asks, reads, and asks again while the answer is unparsable; an empty value when it stayed unparsable. */
    public static <T> Verdict<T> ask(RoleModel model, String system, String user,
            Function<String, Optional<T>> reader, int retries) {
        Usage spent = Usage.NONE;
        for (int attempt = 0; attempt <= retries; attempt++) {
            Answer answer = model.ask(system, user);
            spent = spent.plus(answer.usage());
            Optional<T> read = reader.apply(answer.text());
            if (read.isPresent()) {
                return new Verdict<>(read, attempt + 1, spent);
            }
        }
        return new Verdict<>(Optional.empty(), retries + 1, spent);
    }

    /** A verdict (empty when it stayed unparsable: missing), how many asks it took and what they all cost. */
    public record Verdict<T>(Optional<T> value, int attempts, Usage usage) {
    }

    public static Optional<UserTurn> userTurn(String text) {
        return object(text).flatMap(json -> {
            JsonNode satisfied = json.get("satisfied");
            if (satisfied == null || !satisfied.isBoolean()) {
                return Optional.empty();
            }
            if (satisfied.booleanValue()) {
                return Optional.of(new UserTurn(true, null));
            }
            JsonNode message = json.get("message");
            return message != null && message.isTextual() && !message.asText().isBlank()
                    ? Optional.of(new UserTurn(false, message.asText().trim()))
                    : Optional.empty();
        });
    }

    /** The paper protocol's satisfaction check: {"satisfied": true|false}. */
    public static Optional<Boolean> satisfaction(String text) {
        return object(text).flatMap(json -> {
            JsonNode satisfied = json.get("satisfied");
            return satisfied != null && satisfied.isBoolean() ? Optional.of(satisfied.booleanValue())
                    : Optional.empty();
        });
    }

    /** The paper protocol's follow-up writer: {"message": "..."}, not blank. */
    public static Optional<String> followUp(String text) {
        return object(text).flatMap(json -> {
            JsonNode message = json.get("message");
            return message != null && message.isTextual() && !message.asText().isBlank()
                    ? Optional.of(message.asText().trim())
                    : Optional.empty();
        });
    }

    public static Optional<Scores> scores(String text) {
        return object(text).flatMap(json -> score(json, "helpfulness")
                .flatMap(h -> score(json, "personalization").map(p -> new Scores(h, p))));
    }

    public static Optional<Similarity> similarity(String text) {
        return object(text).flatMap(json -> score(json, "consistency")
                .flatMap(c -> score(json, "detail").map(d -> new Similarity(c, d))));
    }

    /** The paper protocol's holistic similarity, with consistency and detail beside it. */
    public static Optional<Similarity> holisticSimilarity(String text) {
        return object(text).flatMap(json -> score(json, "similarity")
                .flatMap(s -> score(json, "consistency")
                        .flatMap(c -> score(json, "detail").map(d -> new Similarity(s, c, d)))));
    }

    public static Optional<Winner> winner(String text) {
        return object(text).flatMap(json -> {
            JsonNode winner = json.get("winner");
            if (winner == null || !winner.isTextual()) {
                return Optional.empty();
            }
            return switch (winner.asText().trim().toUpperCase()) {
                case "A" -> Optional.of(Winner.A);
                case "B" -> Optional.of(Winner.B);
                case "TIE" -> Optional.of(Winner.TIE);
                default -> Optional.empty();
            };
        });
    }

    private static Optional<Integer> score(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isIntegralNumber() || value.asInt() < 0 || value.asInt() > 10) {
            return Optional.empty();
        }
        return Optional.of(value.asInt());
    }

    static Optional<JsonNode> object(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String body = text.strip();
        if (body.startsWith("```")) {
            body = body.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        try {
            JsonNode json = PersonaJson.mapper().readTree(body);
            return json != null && json.isObject() ? Optional.of(json) : Optional.empty();
        } catch (Exception notJson) {
            return Optional.empty();
        }
    }
}
