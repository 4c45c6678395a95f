package ai.persona.updater.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ai.persona.model.PersonaJson;

class AnswerParserTest {

    private final AnswerParser parser = new AnswerParser(PersonaJson.mapper());

    @Test
    void anAnswerWrappedInACodeFenceAndChatterIsRead() {
        ParsedAnswer answer = parser.parse("""
                Here you go:
                ```json
                {"operations": [{"action": "update_field", "section": "Preference", "field": "Preferred_Styles",
                  "value": "简洁", "reason": "用户两次要求简短回答"}]}
                ```""");

        assertThat(answer.isReadable()).isTrue();
        assertThat(answer.changes()).singleElement().satisfies(change -> {
            assertThat(change.action()).isEqualTo(ProposedChange.UPDATE);
            assertThat(change.value().textValue()).isEqualTo("简洁");
        });
    }

    @Test
    void anEmptyOperationsListIsReadableAndMeansNoChange() {
        ParsedAnswer answer = parser.parse("{\"operations\": []}");

        assertThat(answer.isReadable()).isTrue();
        assertThat(answer.changes()).isEmpty();
    }

    @Test
    void everyProblemOfAnAnswerIsNamed() {
        ParsedAnswer answer = parser.parse("""
                {"operations": [
                  {"action": "rename_field", "section": "Preference", "field": "X", "value": 1, "reason": "r"},
                  {"action": "add_field", "section": "Preference", "field": "Y", "reason": "r"},
                  {"action": "remove_field", "section": "Preference", "field": "Z"}]}""");

        assertThat(answer.isReadable()).isFalse();
        assertThat(answer.problems()).containsExactly(
                "operation 1: \"action\" must be one of " + java.util.Set.of("add_field", "update_field", "remove_field"),
                "operation 2: \"value\" is required for add_field",
                "operation 3: \"reason\" is required");
    }

    @Test
    void textThatIsNotAJsonObjectIsUnreadable() {
        assertThat(parser.parse("I would add that they like tea").problems())
                .containsExactly("the answer is not a JSON object");
        assertThat(parser.parse("{\"operations\": [}").problems()).singleElement()
                .satisfies(p -> assertThat(p).startsWith("the answer is not valid JSON"));
        assertThat(parser.parse("{\"changes\": []}").problems())
                .containsExactly("the answer has no \"operations\" array");
    }
}
