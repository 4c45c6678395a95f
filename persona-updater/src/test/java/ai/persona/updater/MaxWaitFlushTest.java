package ai.persona.updater;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import ai.persona.updater.support.Api;
import ai.persona.updater.support.Conversations;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(MaxWaitFlushTest.ShortMaxWait.class)
class MaxWaitFlushTest {

    /** Also fixes Demographics, for FixedSectionsTest: one application start for both (no test here touches it). */
    public static class ShortMaxWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("persona-updater.batch.max-wait", "2s",
                    "persona-updater.guardrails.fixed-sections", "Demographics");
        }
    }

    @InjectOpenAiStub
    OpenAiStub llm;

    @Test
    void aPartialBatchOlderThanTheMaximumWaitIsFlushed() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, BatchingTest.FORMATS_ANSWER);
        Conversations.sendSimple(userId, marker, 1, 2);

        Api.awaitPatches(userId, 1);

        Map<String, Object> batch = Api.awaitBatch(userId, "PUBLISHED");
        assertThat(batch).containsEntry("trigger", "MAX_WAIT");
        assertThat(batch.get("sessionIds")).isEqualTo(List.of(userId + "-s1", userId + "-s2"));
        assertThat(llm.count(marker)).isEqualTo(1);
    }
}
