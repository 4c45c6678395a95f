package ai.persona.updater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.events.PersonaPatchProposed;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import ai.persona.model.PersonaJson;
import ai.persona.updater.service.PersonaVersionSignals;
import ai.persona.updater.support.Api;
import ai.persona.updater.support.Conversations;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A quick user's second batch must be optimized against the persona their first batch made, not the one before it:
 * otherwise session-service rejects its patch as stale and the batch's learning is lost. The bound on that wait is far
 * longer here than any of the test's own waits ({@link Api#WAIT}), so a batch that goes on was woken by the event. One
 * optimizer worker: a batch that waited on it for its predecessor would hold up every other batch.
 */
@QuarkusTest
@TestProfile(PredecessorTest.LongPredecessorWait.class)
class PredecessorTest {

    public static class LongPredecessorWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("persona-updater.optimizer.predecessor-wait", "1h",
                    "persona-updater.optimizer.concurrency", "1");
        }
    }

    static final String ANSWER = """
            {"operations": [{"action": "update_field", "section": "Preference", "field": "Preferred_Styles",
              "value": "short answers", "reason": "the user asked for short answers"}]}""";
    // the second batch changes the same field again: against version 0 its patch would conflict with the first
    static final String SECOND_ANSWER = """
            {"operations": [{"action": "update_field", "section": "Preference", "field": "Preferred_Styles",
              "value": "short answers with one example", "reason": "the user asked for an example each time"}]}""";

    @InjectOpenAiStub
    OpenAiStub llm;

    @Inject
    PersonaVersionSignals signals;

    @Test
    void theNextBatchWaitsForThePersonaChangedOfThePreviousPatchAndBuildsOnIt() throws Exception {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, ANSWER);
        Conversations.sendSimple(userId, marker, 1, 3);
        PersonaPatchProposed first = read(Api.awaitPatches(userId, 1).get(0));
        assertThat(first.patch().baseVersion()).isZero();

        String secondMarker = Conversations.marker();
        llm.replies(secondMarker, SECOND_ANSWER);
        Conversations.sendSimple(userId, secondMarker, 4, 6);
        // registered: the second batch is waiting for a version past 0, and nothing else lets it go on for an hour
        await().atMost(Api.WAIT).until(() -> signals.waiting(userId) == 1);
        assertThat(llm.count(secondMarker)).as("the second batch waits for version 1").isZero();
        assertThat(Api.awaitBatch(userId, "READY")).containsEntry("attempts", 1);

        ObjectNode applied = PersonaJson.mapper().createObjectNode();
        applied.putObject("Preference").put("Preferred_Styles", "short answers");
        Conversations.sendPersona(userId, 1, applied);

        List<ConsumerRecord<String, String>> patches = Api.awaitPatches(userId, 2);
        PersonaPatchProposed second = read(patches.get(patches.size() - 1));
        assertThat(second.patch().patchId()).isNotEqualTo(first.patch().patchId());
        assertThat(second.patch().baseVersion()).isEqualTo(1);
        assertThat(second.patch().operations()).singleElement()
                .satisfies(op -> assertThat(op.value().asText()).isEqualTo("short answers with one example"));
        assertThat(llm.count(secondMarker)).isEqualTo(1);
        assertThat(signals.waiting(userId)).as("no registration left behind").isZero();
    }

    @Test
    void aBatchSealedWithItsPredecessorWaitsForThePredecessorsVersionToo() throws Exception {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        String secondMarker = Conversations.marker();
        llm.replies(marker, ANSWER);
        llm.replies(secondMarker, SECOND_ANSWER);
        // six sessions at once: both batches are sealed before the first one's patch is even made
        Conversations.sendSimple(userId, marker, 1, 3);
        Conversations.sendSimple(userId, secondMarker, 4, 6);

        PersonaPatchProposed first = read(Api.awaitPatches(userId, 1).get(0));
        assertThat(first.patch().baseVersion()).isZero();
        await().atMost(Api.WAIT).until(() -> signals.waiting(userId) == 1);
        assertThat(llm.count(secondMarker)).as("the second batch waits for the first one's version").isZero();

        ObjectNode applied = PersonaJson.mapper().createObjectNode();
        applied.putObject("Preference").put("Preferred_Styles", "short answers");
        Conversations.sendPersona(userId, 1, applied);

        List<ConsumerRecord<String, String>> patches = Api.awaitPatches(userId, 2);
        PersonaPatchProposed second = read(patches.get(patches.size() - 1));
        assertThat(second.patch().baseVersion()).isEqualTo(1);
        assertThat(llm.count(secondMarker)).isEqualTo(1);
    }

    @Test
    void aBatchBehindADeferredOneLeavesTheWorkerFreeAndGoesOnceThatOneIsPublished() throws Exception {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        String secondMarker = Conversations.marker();
        llm.failsWith(marker, 503);
        llm.replies(secondMarker, SECOND_ANSWER);
        Conversations.sendSimple(userId, marker, 1, 3);
        Conversations.sendSimple(userId, secondMarker, 4, 6);

        // the first batch is tried again and again on the one worker: the second does not sit on it meanwhile
        await().atMost(Api.WAIT).until(() -> Api.batches(userId), batches -> batches.size() == 2
                && batches.stream().anyMatch(batch -> (Integer) batch.get("attempts") >= 2));
        assertThat(llm.count(secondMarker)).as("the second batch waits for the first one's patch").isZero();
        assertThat(Api.patches(userId)).isEmpty();

        llm.replies(marker, ANSWER);
        PersonaPatchProposed first = read(Api.awaitPatches(userId, 1).get(0));
        assertThat(first.patch().baseVersion()).isZero();
        // dispatched by the first one's worker once published, the second batch now waits for version 1
        await().atMost(Api.WAIT).until(() -> signals.waiting(userId) == 1);
        ObjectNode applied = PersonaJson.mapper().createObjectNode();
        applied.putObject("Preference").put("Preferred_Styles", "short answers");
        Conversations.sendPersona(userId, 1, applied);

        List<ConsumerRecord<String, String>> patches = Api.awaitPatches(userId, 2);
        PersonaPatchProposed second = read(patches.get(patches.size() - 1));
        assertThat(second.patch().baseVersion()).isEqualTo(1);
        assertThat(llm.count(secondMarker)).isEqualTo(1);
    }

    static PersonaPatchProposed read(ConsumerRecord<String, String> record) throws Exception {
        return Api.opened(record);
    }
}
