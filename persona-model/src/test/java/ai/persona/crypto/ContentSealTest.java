package ai.persona.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.persona.events.ChatMessage;
import ai.persona.events.ConversationCompleted;
import ai.persona.events.MessageRole;
import ai.persona.events.SessionEvent;
import ai.persona.model.PersonaJson;

class ContentSealTest {

    private static final String SECRET = "I keep bees on the roof of Rue Mouffetard 12";
    private final ContentKey key = ContentKey.generate();

    @Test
    void sealedContentOpensWithItsKeyAndUser() {
        SealedContent sealed = ContentSeal.seal(key, "alice", SECRET.getBytes(StandardCharsets.UTF_8));

        assertThat(sealed.keyId()).isEqualTo(key.keyId());
        assertThat(new String(ContentSeal.open(key, "alice", sealed), StandardCharsets.UTF_8)).isEqualTo(SECRET);
    }

    @Test
    void sealingTheSameContentTwiceGivesDifferentCiphertexts() {
        byte[] plain = SECRET.getBytes(StandardCharsets.UTF_8);

        assertThat(ContentSeal.seal(key, "alice", plain).data()).isNotEqualTo(ContentSeal.seal(key, "alice", plain).data());
    }

    @Test
    void anotherKeyWithTheSameIdDoesNotOpenIt() {
        SealedContent sealed = ContentSeal.seal(key, "alice", SECRET.getBytes(StandardCharsets.UTF_8));
        ContentKey other = new ContentKey(key.keyId(), ContentKey.generate().key());

        assertThatThrownBy(() -> ContentSeal.open(other, "alice", sealed))
                .isInstanceOf(UnopenableContentException.class).hasMessageContaining("does not authenticate");
    }

    @Test
    void aNewKeyOfTheSameUserDoesNotOpenWhatTheOldOneSealed() {
        SealedContent sealed = ContentSeal.seal(key, "alice", SECRET.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ContentSeal.open(ContentKey.generate(), "alice", sealed))
                .isInstanceOf(UnopenableContentException.class).hasMessageContaining("sealed under key " + key.keyId());
    }

    @Test
    void aFlippedCiphertextBitFailsToOpen() {
        SealedContent sealed = ContentSeal.seal(key, "alice", SECRET.getBytes(StandardCharsets.UTF_8));
        byte[] data = Base64.getDecoder().decode(sealed.data());
        data[data.length / 2] ^= 1;
        SealedContent tampered = new SealedContent(sealed.keyId(), Base64.getEncoder().encodeToString(data));

        assertThatThrownBy(() -> ContentSeal.open(key, "alice", tampered))
                .isInstanceOf(UnopenableContentException.class).hasMessageContaining("does not authenticate");
    }

    @Test
    void contentMovedToAnotherUsersRecordFailsToOpen() {
        SealedContent sealed = ContentSeal.seal(key, "alice", SECRET.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ContentSeal.open(key, "mallory", sealed))
                .isInstanceOf(UnopenableContentException.class);
    }

    @Test
    void truncatedOrNonBase64DataFailsToOpen() {
        assertThatThrownBy(() -> ContentSeal.open(key, "alice", new SealedContent(key.keyId(), "AAAA")))
                .isInstanceOf(UnopenableContentException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> ContentSeal.open(key, "alice", new SealedContent(key.keyId(), "not base64!")))
                .isInstanceOf(UnopenableContentException.class).hasMessageContaining("base64");
    }

    @Test
    void aSealedSessionEventCarriesNoPlaintextAndOpensToItsMessages() throws Exception {
        List<ChatMessage> said = List.of(ChatMessage.of(MessageRole.USER, SECRET, Instant.parse("2026-12-02T10:00:00Z")));
        SessionEvent event = SessionEvent.sealedMessages("e1", "alice", "s1", Instant.now(), null, said, key);

        String json = PersonaJson.mapper().writeValueAsString(event);
        SessionEvent read = PersonaJson.mapper().readValue(json, SessionEvent.class);

        assertThat(json).doesNotContain("Mouffetard").contains(key.keyId());
        assertThat(read.messages()).isEmpty();
        assertThat(read.opened(key).messages()).isEqualTo(said);
    }

    @Test
    void aSealedCompletionCarriesNoPlaintextAndOpensToItsMessages() throws Exception {
        List<ChatMessage> said = List.of(ChatMessage.of(MessageRole.USER, SECRET, Instant.parse("2026-12-02T10:00:00Z")));
        ConversationCompleted completed = ConversationCompleted.of("s1", "alice", Instant.now(), Instant.now(), said)
                .sealed(key);

        String json = PersonaJson.mapper().writeValueAsString(completed);

        assertThat(json).doesNotContain("Mouffetard");
        assertThat(PersonaJson.mapper().readValue(json, ConversationCompleted.class).opened(key).messages())
                .isEqualTo(said);
    }

    @Test
    void theKeyNeverPrints() {
        assertThat(key.toString()).doesNotContain(key.key()).contains(key.keyId());
    }
}
