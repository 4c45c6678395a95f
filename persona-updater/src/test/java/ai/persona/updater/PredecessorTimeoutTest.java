package ai.persona.updater;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import ai.persona.events.PersonaPatchProposed;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import ai.persona.updater.service.PersonaVersionSignals;
import ai.persona.updater.support.Api;
import ai.persona.updater.support.Conversations;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The previous patch may never show as a new version (session-service rejected it, or its PersonaChanged is late): the
 * next batch then goes on against the version it has once the bound runs out (1 s in the test profile).
 */
@QuarkusTest
class PredecessorTimeoutTest {

    @InjectOpenAiStub
    OpenAiStub llm;

    @Inject
    PersonaVersionSignals signals;

    @Test
    void withoutAPersonaChangedTheNextBatchGoesOnAfterTheBound() throws Exception {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, PredecessorTest.ANSWER);
        Conversations.sendSimple(userId, marker, 1, 3);
        PersonaPatchProposed first = PredecessorTest.read(Api.awaitPatches(userId, 1).get(0));

        String secondMarker = Conversations.marker();
        llm.replies(secondMarker, PredecessorTest.SECOND_ANSWER);
        Conversations.sendSimple(userId, secondMarker, 4, 6);

        List<ConsumerRecord<String, String>> patches = Api.awaitPatches(userId, 2);
        PersonaPatchProposed second = PredecessorTest.read(patches.get(patches.size() - 1));
        assertThat(second.patch().patchId()).isNotEqualTo(first.patch().patchId());
        assertThat(second.patch().baseVersion()).isZero();
        assertThat(llm.count(secondMarker)).isEqualTo(1);
        assertThat(signals.waiting(userId)).as("no registration left behind").isZero();
    }
}
