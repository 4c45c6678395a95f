package ai.persona.updater;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import ai.persona.updater.support.Api;
import ai.persona.updater.support.Conversations;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ModelFailuresTest {

    @InjectOpenAiStub
    OpenAiStub llm;

    @Test
    void aRateLimitedCallIsRetriedAndYieldsExactlyOnePatch() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.failsOnceThenReplies(marker, 429, BatchingTest.FORMATS_ANSWER);
        Conversations.sendSimple(userId, marker, 1, 3);

        Api.awaitPatches(userId, 1);
        Api.awaitBatch(userId, "PUBLISHED");

        assertThat(llm.count(marker)).isEqualTo(2);
        assertThat(Api.patches(userId)).hasSize(1);
    }

    @Test
    void aModelThatStaysUnavailableDefersTheBatchUntilItAnswers() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.failsWith(marker, 503);
        Conversations.sendSimple(userId, marker, 1, 3);

        Map<String, Object> deferred = org.awaitility.Awaitility.await().atMost(Api.WAIT)
                .until(() -> Api.batches(userId), batches -> batches.size() == 1
                        && (Integer) batches.get(0).get("attempts") >= 2)
                .get(0);
        assertThat(deferred.get("status")).isEqualTo("READY");
        assertThat(Api.patches(userId)).isEmpty();

        llm.replies(marker, BatchingTest.FORMATS_ANSWER);
        Api.awaitPatches(userId, 1);

        assertThat(Api.awaitBatch(userId, "PUBLISHED").get("id")).isEqualTo(deferred.get("id"));
    }
}
