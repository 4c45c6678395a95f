package ai.persona.updater;

import static ai.persona.updater.support.Conversations.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.events.ConversationCompleted;
import ai.persona.model.PersonaJson;
import ai.persona.updater.support.Api;
import ai.persona.updater.support.Conversations;
import ai.persona.updater.support.InjectLlmStub;
import ai.persona.updater.support.LlmStub;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ForgetTest {

    @InjectLlmStub
    LlmStub llm;

    @Test
    void aTombstoneDropsTheUsersBufferSnapshotAndParkedBatchesAndTheirLateSessions() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.answer(marker, "no json here");
        ObjectNode persona = PersonaJson.mapper().createObjectNode();
        persona.putObject("Demographics").put("Name", "Kim");
        Conversations.sendPersona(userId, 2, persona);
        Conversations.sendSimple(userId, marker, 1, 5);
        Api.awaitBatch(userId, "PARKED");
        Api.awaitBuffered(userId, 2);
        assertThat(Api.state(userId).getLong("snapshotVersion")).isEqualTo(2);

        Conversations.sendTombstone(userId);
        await().atMost(Api.WAIT).until(() -> Api.buffered(userId).isEmpty() && Api.batches(userId).isEmpty());
        assertThat(Api.state(userId).getLong("snapshotVersion")).isZero();

        // a session that ended before the deletion arrives late and is dropped; one from after it is kept
        Conversations.send(Conversations.simple(userId, 6, marker));
        Instant later = Instant.now().plusSeconds(60);
        Conversations.send(ConversationCompleted.of(userId + "-new", userId, later.minusSeconds(30), later,
                List.of(user("[" + marker + "] hello again"))));
        Api.awaitBuffered(userId, 1);

        assertThat(Api.buffered(userId)).containsExactly(userId + "-new");
    }
}
