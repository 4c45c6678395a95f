package ai.persona.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RecordOriginTest {

    private static Map<String, byte[]> headers(String source, String type) {
        Map<String, byte[]> headers = new HashMap<>();
        if (source != null) {
            headers.put(RecordOrigin.SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8));
        }
        if (type != null) {
            headers.put(RecordOrigin.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    @Test
    void aRecordFromTheTopicsProducerWithItsTypeIsAccepted() {
        for (EventContract event : EventContract.values()) {
            assertThat(RecordOrigin.problem(event, headers(event.producer().id(), event.cloudEventType())::get))
                    .as(event.topic()).isNull();
        }
    }

    @Test
    void aPatchClaimingAnotherProducerIsRefusedNamingTheOnlyProducer() {
        EventContract patches = EventContract.PERSONA_PATCH_PROPOSED;
        assertThat(RecordOrigin.problem(patches, headers("chat-gateway", patches.cloudEventType())::get))
                .isEqualTo("ce_source 'chat-gateway' is not persona-updater, the only producer of persona.patches.proposed.v1");
    }

    @Test
    void aRecordWithoutHeadersIsRefused() {
        assertThat(RecordOrigin.problem(EventContract.PERSONA_CHANGED, headers(null, null)::get))
                .isEqualTo("a record on persona.changed.v1 without ce_source: only session-service produces it");
    }

    @Test
    void theRightProducerWithAnotherTopicsTypeIsRefused() {
        EventContract changed = EventContract.PERSONA_CHANGED;
        assertThat(RecordOrigin.problem(changed,
                headers("session-service", EventContract.CONVERSATION_COMPLETED.cloudEventType())::get))
                .isEqualTo("ce_type 'ai.persona.ConversationCompleted.v1' is not ai.persona.PersonaChanged.v1, the type of "
                        + "persona.changed.v1");
    }

    @Test
    void aClaimedSourceWithALineBreakCannotForgeALogLine() {
        String problem = RecordOrigin.problem(EventContract.SESSION_EVENT,
                headers("x\nINFO forged", EventContract.SESSION_EVENT.cloudEventType())::get);
        assertThat(problem).doesNotContain("\n").contains("x\\u000aINFO forged");
    }

    @Test
    void eachServiceWritesWhatItProducesAndTheDeadLettersAndReadsWhatItConsumes() {
        assertThat(EventContract.topicsWrittenBy(PersonaService.PERSONA_UPDATER))
                .containsExactly("persona.dead-letter.v1", "persona.patches.proposed.v1");
        assertThat(EventContract.topicsReadBy(PersonaService.PERSONA_UPDATER)).containsExactly(
                "persona.changed.v1", "persona.conversations.completed.v1", "persona.session-events.v1");
        assertThat(EventContract.topicsWrittenBy(PersonaService.CHAT_GATEWAY))
                .containsExactly("persona.dead-letter.v1", "persona.session-events.v1");
        assertThat(EventContract.topicsReadBy(PersonaService.CHAT_GATEWAY)).containsExactly("persona.changed.v1");
        assertThat(EventContract.topicsWrittenBy(PersonaService.SESSION_SERVICE)).containsExactly(
                "persona.changed.v1", "persona.conversations.completed.v1", "persona.dead-letter.v1");
        assertThat(EventContract.ofTopic(EventContract.DEAD_LETTER_TOPIC)).isNull();
    }
}
