package ai.persona.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.crypto.ContentKey;
import ai.persona.crypto.SealedContent;
import ai.persona.crypto.UnopenableContentException;
import ai.persona.model.PatchOperation;
import ai.persona.model.PersonaFixtures;
import ai.persona.model.PersonaJson;
import ai.persona.model.PersonaPatch;

class PatchSealTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:15:30.123Z");
    private static final String QUOTE = "the user said: my daughter Léa starts at Lycée Henri-IV";

    private final ObjectMapper mapper = PersonaJson.mapper();
    private final ContentKey key = ContentKey.generate();
    private final PersonaPatch patch = patch("p-1", "alice");
    private final PersonaPatchProposed proposed = PersonaPatchProposed.of(patch, new TokenUsage(1200, 80, 1));

    @Test
    void aSealedProposalShowsOnlyItsRoutingAndOpensToTheWholePatch() throws Exception {
        String json = mapper.writeValueAsString(proposed.sealed(key));

        assertThat(json).doesNotContain(QUOTE, "Henri", "乌龙", "/Pattern/Tea", "gpt-4o", "firstSessionStartedAt")
                .contains("\"patchId\":\"p-1\"", "\"userId\":\"alice\"", "\"baseVersion\":4", "\"s-1\"",
                        "\"inputTokens\":1200", "\"keyId\":\"" + key.keyId() + "\"");
        PersonaPatchProposed read = mapper.readValue(json, PersonaPatchProposed.class);
        assertThat(read.patch().operations()).isEmpty();
        assertThat(read.opened(key)).isEqualTo(proposed);
    }

    @Test
    void aProposalFromBeforeSealingStillReadsWithItsPatchInTheClear() throws Exception {
        String json = mapper.writeValueAsString(proposed).replace(",\"sealedPatch\":null", "");
        assertThat(json).doesNotContain("sealedPatch");

        PersonaPatchProposed read = mapper.readValue(json, PersonaPatchProposed.class);

        assertThat(read.sealedPatch()).isNull();
        assertThat(read.opened(key)).isEqualTo(proposed);
    }

    @Test
    void aFlippedBitOrAnotherKeyFailsToOpen() {
        PersonaPatchProposed sealed = proposed.sealed(key);
        byte[] data = Base64.getDecoder().decode(sealed.sealedPatch().data());
        data[data.length - 1] ^= 1;
        PersonaPatchProposed tampered = new PersonaPatchProposed(1, sealed.patch(), sealed.usage(),
                new SealedContent(key.keyId(), Base64.getEncoder().encodeToString(data)));

        assertThatThrownBy(() -> tampered.opened(key))
                .isInstanceOf(UnopenableContentException.class).hasMessageContaining("does not authenticate");
        assertThatThrownBy(() -> sealed.opened(new ContentKey(key.keyId(), ContentKey.generate().key())))
                .isInstanceOf(UnopenableContentException.class).hasMessageContaining("does not authenticate");
    }

    @Test
    void aSealedPatchMovedIntoAnotherUsersRecordFailsToOpen() {
        SealedContent alices = proposed.sealed(key).sealedPatch();
        PersonaPatchProposed mallorys = new PersonaPatchProposed(1, PatchSeal.routing(patch("p-1", "mallory")), null,
                alices);

        assertThatThrownBy(() -> mallorys.opened(key))
                .isInstanceOf(UnopenableContentException.class).hasMessageContaining("does not authenticate");
    }

    @Test
    void aSealedPatchMovedIntoAnotherPatchOfTheSameUserIsRefused() {
        SealedContent first = proposed.sealed(key).sealedPatch();
        PersonaPatchProposed second = new PersonaPatchProposed(1, PatchSeal.routing(patch("p-2", "alice")), null, first);

        assertThatThrownBy(() -> second.opened(key))
                .isInstanceOf(UnopenableContentException.class).hasMessage("the sealed patch is not patch p-2 its record names");
    }

    private static PersonaPatch patch(String patchId, String userId) {
        return new PersonaPatch(patchId, userId, 4, List.of("s-1", "s-2"),
                List.of(PatchOperation.add("/Pattern/Tea", PersonaFixtures.text("乌龙"), QUOTE),
                        PatchOperation.remove("/Pattern/Usage_Pattern", QUOTE)),
                "gpt-4o", T0, T0.minusSeconds(3600));
    }
}
