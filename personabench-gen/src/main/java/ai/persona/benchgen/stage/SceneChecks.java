package ai.persona.benchgen.stage;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.benchgen.check.JsonAnswers;
import ai.persona.benchgen.check.Language;
import ai.persona.benchgen.llm.InvalidAnswer;
import ai.persona.model.PersonaJson;

/** Validation of a scene in full: its three texts in the language, its APIs in the released data's shape. */
final class SceneChecks {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final String[] TEXT_FIELDS = {"scene_desc", "expected_response", "scene_context"};

    private SceneChecks() {
    }

    static ObjectNode detail(String answer, Language language) throws InvalidAnswer {
        ObjectNode raw = JsonAnswers.object(answer);
        ObjectNode scene = PersonaJson.mapper().createObjectNode();
        for (String field : TEXT_FIELDS) {
            String text = JsonAnswers.requiredText(raw, field, "the scene");
            String wrongLanguage = language.problem(field, text);
            if (wrongLanguage != null) {
                throw new InvalidAnswer(wrongLanguage);
            }
            scene.put(field, text);
        }
        scene.set("available_apis", apis(raw.path("available_apis")));
        return scene;
    }

    /** The APIs as released: an object of {@code {name: {arguments, description}}}, or null when the scene needs none. */
    private static JsonNode apis(JsonNode given) throws InvalidAnswer {
        if (given.isMissingNode() || given.isNull() || (given.isObject() && given.isEmpty())) {
            return PersonaJson.mapper().nullNode();
        }
        if (!given.isObject()) {
            throw new InvalidAnswer("available_apis is not an object of APIs");
        }
        ObjectNode apis = PersonaJson.mapper().createObjectNode();
        for (var api : given.properties()) {
            if (!IDENTIFIER.matcher(api.getKey()).matches()) {
                throw new InvalidAnswer("the API name '" + api.getKey() + "' is not an identifier");
            }
            JsonNode arguments = api.getValue().path("arguments");
            if (!arguments.isArray()) {
                throw new InvalidAnswer("the API " + api.getKey() + " lacks its list of arguments");
            }
            ObjectNode spec = apis.putObject(api.getKey());
            var names = spec.putArray("arguments");
            for (JsonNode argument : arguments) {
                if (!argument.isTextual() || argument.asText().isBlank()) {
                    throw new InvalidAnswer("the API " + api.getKey() + " has an argument that is not a name");
                }
                names.add(argument.asText());
            }
            spec.put("description", JsonAnswers.requiredText(api.getValue(), "description", "the API " + api.getKey()));
        }
        return apis;
    }
}
