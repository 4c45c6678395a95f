package ai.persona.benchgen.check;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.benchgen.llm.InvalidAnswer;
import ai.persona.model.FieldSpec;
import ai.persona.model.PersonaJson;
import ai.persona.model.PersonaLimits;
import ai.persona.model.PersonaSchema;
import ai.persona.model.PersonaValidator;
import ai.persona.model.SectionSpec;
import ai.persona.model.Violation;

/**
 * Validates a synthesized persona: every section and every declared field of the schema filled (the paper's golden
 * personas have all four sections complete), the schema's types and limits (persona-model's validator), and the
 * language of its text.
 */
public final class PersonaCheck {

    private static final String NAME_SECTION = "Demographics";
    private static final String NAME_FIELD = "Name";

    private final PersonaValidator validator;
    private final Language language;

    public PersonaCheck(PersonaValidator validator, Language language) {
        this.validator = validator;
        this.language = language;
    }

    public static PersonaCheck withDefaultLimits(PersonaSchema schema, Language language) {
        return new PersonaCheck(new PersonaValidator(schema, PersonaLimits.defaults()), language);
    }

    public ObjectNode parse(String answer) throws InvalidAnswer {
        ObjectNode raw = JsonAnswers.object(answer);
        ObjectNode persona = PersonaJson.mapper().createObjectNode();
        for (SectionSpec section : validator.schema().sections()) {
            JsonNode fields = raw.path(section.name());
            if (!fields.isObject()) {
                throw new InvalidAnswer("the persona lacks the section '" + section.name() + "'");
            }
            persona.set(section.name(), fields.deepCopy());
        }
        // the seeds carry Name at the top; a model that copies their shape is read the same way
        if (raw.path(NAME_FIELD).isTextual() && persona.path(NAME_SECTION).isObject()
                && !persona.path(NAME_SECTION).has(NAME_FIELD)) {
            ((ObjectNode) persona.get(NAME_SECTION)).put(NAME_FIELD, raw.get(NAME_FIELD).asText());
        }
        for (SectionSpec section : validator.schema().sections()) {
            for (FieldSpec field : section.fields()) {
                if (isEmpty(persona.path(section.name()).path(field.name()))) {
                    throw new InvalidAnswer("the persona lacks the field " + section.name() + "." + field.name());
                }
            }
        }
        List<Violation> violations = validator.validatePersona(persona);
        if (!violations.isEmpty()) {
            throw new InvalidAnswer("the persona breaks the schema: " + violations.get(0));
        }
        String wrongLanguage = language.problem("the persona", PersonaText.of(persona, false));
        if (wrongLanguage != null) {
            throw new InvalidAnswer(wrongLanguage);
        }
        return persona;
    }

    public static String name(JsonNode persona) {
        return persona.path(NAME_SECTION).path(NAME_FIELD).asText();
    }

    private static boolean isEmpty(JsonNode value) {
        return value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())
                || (value.isContainerNode() && value.isEmpty());
    }
}
