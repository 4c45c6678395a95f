package ai.persona.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.model.PatchOperation;
import ai.persona.model.PersonaFixtures;
import ai.persona.model.PersonaJson;
import ai.persona.model.PersonaPatch;
import ai.persona.model.PersonaPatcher;

class EventJsonTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:15:30.123Z");
    private final ObjectMapper mapper = PersonaJson.mapper();

    @Test
    void conversationCompletedRoundTripsWithToolCallsAndRoles() throws Exception {
        ConversationCompleted event = ConversationCompleted.of("s-1", "u-1", T0, T0.plusSeconds(60), List.of(
                ChatMessage.of(MessageRole.USER, "我想找一家安静的茶馆", T0),
                new ChatMessage(MessageRole.ASSISTANT, null, T0.plusSeconds(1),
                        List.of(new ToolCall("call-1", "webSearch", "{\"query\":\"安静 茶馆\"}")), null),
                new ChatMessage(MessageRole.TOOL, "[...]", T0.plusSeconds(2), List.of(), "call-1")));

        String json = mapper.writeValueAsString(event);

        assertThat(json).contains("\"eventVersion\":1", "\"2026-11-23T10:15:30.123Z\"", "\"USER\"");
        assertThat(mapper.readValue(json, ConversationCompleted.class)).isEqualTo(event);
    }

    @Test
    void patchProposedRoundTrips() throws Exception {
        PersonaPatch patch = new PersonaPatch("p-1", "u-1", 4, List.of("s-1", "s-2", "s-3"),
                List.of(PatchOperation.replace("/Preference/Preferred_Styles", PersonaFixtures.text("幽默"), "用户说的"),
                        PatchOperation.remove("/Pattern/Usage_Pattern", "过时")),
                "gpt-4o", T0);
        PersonaPatchProposed event = PersonaPatchProposed.of(patch, new TokenUsage(1200, 80, 1));

        PersonaPatchProposed back = mapper.readValue(mapper.writeValueAsString(event), PersonaPatchProposed.class);

        assertThat(back).isEqualTo(event);
        assertThat(back.patch().operations().get(1).value()).isNull();
        // only the record's components travel: no derived properties such as isGuard() or isEmpty()
        String json = mapper.writeValueAsString(event);
        assertThat(json).doesNotContain("\"guard\"", "\"removal\"", "\"empty\"", "jsonPatch");
    }

    @Test
    void patchSaysWhenItsEarliestSessionStartedAndOldRecordsWithoutItStillRead() throws Exception {
        PersonaPatch patch = new PersonaPatch("p-2", "u-1", 0, List.of("s-1"),
                List.of(PatchOperation.add("/Pattern/Tea", PersonaFixtures.text("乌龙"), "")), "gpt-4o", T0,
                T0.minusSeconds(3600));
        String json = mapper.writeValueAsString(PersonaPatchProposed.of(patch, TokenUsage.NONE));

        assertThat(json).contains("\"firstSessionStartedAt\":\"2026-11-23T09:15:30.123Z\"");
        assertThat(mapper.readValue(json, PersonaPatchProposed.class).patch().firstSessionStartedAt())
                .isEqualTo(T0.minusSeconds(3600));

        String written = json.replace(",\"firstSessionStartedAt\":\"2026-11-23T09:15:30.123Z\"", "");
        assertThat(written).doesNotContain("firstSessionStartedAt");
        assertThat(mapper.readValue(written, PersonaPatchProposed.class).patch().firstSessionStartedAt()).isNull();
        assertThat(mapper.writeValueAsString(new PersonaPatch("p-3", "u-1", 0, List.of(), List.of(), null, T0)))
                .doesNotContain("firstSessionStartedAt");
    }

    @Test
    void personaChangedRoundTripsWithTheFullPersona() throws Exception {
        var persona = PersonaFixtures.teaShopOwner();
        PersonaChanged event = new PersonaChanged(PersonaChanged.VERSION, "u-1", 5,
                PersonaPatcher.diff(PersonaJson.emptyPersona(), persona), persona, ChangeSource.IMPORT, "p-9", List.of(), T0);

        PersonaChanged back = mapper.readValue(mapper.writeValueAsString(event), PersonaChanged.class);

        assertThat(back).isEqualTo(event);
    }

    @Test
    void sessionEventsRoundTripAndLeaveOutWhatTheirKindDoesNotUse() throws Exception {
        SessionEvent said = SessionEvent.messages("e-1", "u-1", "s-1", T0, 0,
                List.of(ChatMessage.of(MessageRole.USER, "hi", T0), ChatMessage.of(MessageRole.ASSISTANT, "hello", T0)));
        SessionEvent ended = SessionEvent.ended("e-2", "u-1", "s-1", T0, "explicit");

        assertThat(mapper.readValue(mapper.writeValueAsString(said), SessionEvent.class)).isEqualTo(said);
        assertThat(mapper.readValue(mapper.writeValueAsString(ended), SessionEvent.class)).isEqualTo(ended);
        JsonNode endedJson = mapper.valueToTree(ended);
        assertThat(endedJson.has("firstIndex")).isFalse();
        assertThat(endedJson.path("kind").asText()).isEqualTo("ENDED");
        assertThat(mapper.valueToTree(said).path("messages").size()).isEqualTo(2);
    }

    @Test
    void olderReadersIgnoreFieldsAddedLater() throws Exception {
        JsonNode json = mapper.valueToTree(ConversationCompleted.of("s-1", "u-1", T0, T0, List.of()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("addedInV2", true);
        assertThat(mapper.treeToValue(json, ConversationCompleted.class).sessionId()).isEqualTo("s-1");
    }

    @Test
    void everyContractHasItsOwnTopicAndType() {
        assertThat(Arrays.stream(EventContract.values()).map(EventContract::topic)).doesNotHaveDuplicates()
                .doesNotContain(EventContract.DEAD_LETTER_TOPIC);
        assertThat(Arrays.stream(EventContract.values()).map(EventContract::cloudEventType)).doesNotHaveDuplicates();
    }
}
