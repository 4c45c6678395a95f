package ai.persona.updater.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

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
    void aTemporaryValueCarriesItsLastDayOrItsLengthInDays() {
        ParsedAnswer answer = parser.parse("""
                {"operations": [
                  {"action": "add_field", "section": "Pattern", "field": "Trip", "value": "东京", "reason": "r",
                   "until": "2027-01-31"},
                  {"action": "update_field", "section": "Pattern", "field": "Usage_Pattern", "value": "v", "reason": "r",
                   "days": 14},
                  {"action": "update_field", "section": "Preference", "field": "Preferred_Styles", "value": "v",
                   "reason": "r"}]}""");

        assertThat(answer.isReadable()).isTrue();
        assertThat(answer.changes()).extracting(ProposedChange::until)
                .containsExactly(LocalDate.parse("2027-01-31"), null, null);
        assertThat(answer.changes()).extracting(ProposedChange::days).containsExactly(null, 14, null);
        assertThat(answer.changes()).extracting(ProposedChange::isTemporary).containsExactly(true, true, false);
    }

    @Test
    void aValidityThatCannotBeReadIsNamed() {
        ParsedAnswer answer = parser.parse("""
                {"operations": [
                  {"action": "add_field", "section": "Pattern", "field": "A", "value": "v", "reason": "r",
                   "until": "next month"},
                  {"action": "add_field", "section": "Pattern", "field": "B", "value": "v", "reason": "r", "days": 0},
                  {"action": "add_field", "section": "Pattern", "field": "C", "value": "v", "reason": "r", "days": 2.5},
                  {"action": "add_field", "section": "Pattern", "field": "D", "value": "v", "reason": "r",
                   "until": "2027-01-31", "days": 3},
                  {"action": "remove_field", "section": "Pattern", "field": "E", "reason": "r", "days": 3}]}""");

        assertThat(answer.problems()).containsExactly(
                "operation 1: \"until\" must be a date YYYY-MM-DD, not 'next month'",
                "operation 2: \"days\" must be a whole number from 1 to 366",
                "operation 3: \"days\" must be a whole number from 1 to 366",
                "operation 4: give either \"until\" or \"days\", not both",
                "operation 5: remove_field takes no \"until\" or \"days\"");
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
