package ai.persona.updater;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import ai.persona.updater.support.Api;
import ai.persona.updater.support.Conversations;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** A deployment that fixes Demographics (persona-updater.guardrails.fixed-sections), as personabench-eval's does. */
@QuarkusTest
@TestProfile(MaxWaitFlushTest.ShortMaxWait.class)
class FixedSectionsTest {

    @InjectOpenAiStub
    OpenAiStub llm;

    @Test
    void aPatchTouchingAFixedSectionIsRejectedInEveryModeAndTheModelIsToldTheSectionIsReadOnly() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        // the user's own words, so nothing but the fixed section stands in the way
        llm.replies(marker, InvalidAnswersTest.answer("update_field", "Demographics", "Career_Information",
                "\"keeps notes in plain text files\""));
        Api.settings(userId, true, null, "paper");
        Conversations.sendSimple(userId, marker, 1, 3);

        JsonPath parked = Api.batch((String) Api.awaitBatch(userId, "PARKED").get("id"));

        assertThat(parked.getList("problems.code", String.class)).containsExactly("FIXED_SECTION");
        assertThat(parked.getString("problems[0].path")).isEqualTo("/Demographics/Career_Information");
        assertThat(parked.getString("optimizerMode")).isEqualTo("paper");
        assertThat(llm.requests(marker).get(0).path("messages").get(0).path("content").asText())
                .contains("- Demographics (fixed fields; read-only: never change this section): Name (text)")
                .contains("- Pattern (open: new fields allowed, may be temporary): ");
        assertThat(llm.requests(marker).get(1).path("messages").get(1).path("content").asText())
                .contains(Conversations.REPAIR_PHRASE, "FIXED_SECTION", "is fixed in this deployment");
        assertThat(Api.patches(userId)).isEmpty();
    }
}
