package ai.persona.updater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.TextNode;

import ai.persona.events.ConversationCompleted;
import ai.persona.events.PersonaPatchProposed;
import ai.persona.events.TokenUsage;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import ai.persona.infra.testing.TestKafka;
import ai.persona.model.PatchOperation;
import ai.persona.model.PersonaJson;
import ai.persona.model.PersonaPatch;
import ai.persona.updater.service.BatchDispatcher;
import ai.persona.updater.service.BatchSweeper;
import ai.persona.updater.service.PatchIds;
import ai.persona.updater.support.Api;
import ai.persona.updater.support.Conversations;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * A crash leaves a batch in the database in one of two states; these tests write those states as a crashed process
 * would have left them (lease run out) and show what the service makes of them.
 */
@QuarkusTest
class RecoveryTest {

    @InjectOpenAiStub
    OpenAiStub llm;

    @Inject
    BatchSweeper sweeper;

    @Inject
    BatchDispatcher dispatcher;

    @Test
    void aStoredButUnpublishedPatchIsPublishedOnceAsStoredWithoutCallingTheModel() throws Throwable {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, BatchingTest.FORMATS_ANSWER);
        List<ConversationCompleted> sessions = List.of(Conversations.simple(userId, 1, marker),
                Conversations.simple(userId, 2, marker), Conversations.simple(userId, 3, marker));
        UUID id = PatchIds.of(userId, sessions.stream().map(ConversationCompleted::sessionId).toList());
        PersonaPatch patch = new PersonaPatch(id.toString(), userId, 4,
                sessions.stream().map(ConversationCompleted::sessionId).toList(),
                List.of(PatchOperation.add("/Preference/Preferred_Formats", TextNode.valueOf("plain text"), "said so")),
                OpenAiStub.MODEL, Instant.parse("2025-03-01T10:00:00Z"));
        String proposal = Conversations.json(PersonaPatchProposed.of(patch, new TokenUsage(900, 40, 1)));
        insertBatch(id, userId, "OPTIMIZED", sessions, proposal);

        List<ConsumerRecord<String, String>> records = Api.awaitPatches(userId, 1);
        Api.awaitBatch(userId, "PUBLISHED");
        sweepAndSettle();

        assertThat(Api.patches(userId)).hasSize(1);
        assertThat(Api.opened(records.get(0))).isEqualTo(PersonaJson.mapper().readValue(proposal, PersonaPatchProposed.class));
        assertThat(TestKafka.header(records.get(0), "ce_id")).isEqualTo(id.toString());
        assertThat(llm.count(marker)).isZero();
    }

    @Test
    void aSealedBatchLeftBeforeItsModelCallIsOptimizedAndPublishedOnce() throws Throwable {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, BatchingTest.FORMATS_ANSWER);
        List<ConversationCompleted> sessions = List.of(Conversations.simple(userId, 1, marker),
                Conversations.simple(userId, 2, marker), Conversations.simple(userId, 3, marker));
        UUID id = PatchIds.of(userId, sessions.stream().map(ConversationCompleted::sessionId).toList());
        insertBatch(id, userId, "READY", sessions, null);

        List<ConsumerRecord<String, String>> records = Api.awaitPatches(userId, 1);
        Api.awaitBatch(userId, "PUBLISHED");
        sweepAndSettle();

        assertThat(Api.patches(userId)).hasSize(1);
        assertThat(TestKafka.header(records.get(0), "ce_id")).isEqualTo(id.toString());
        assertThat(llm.count(marker)).isEqualTo(1);
    }

    /** One more sweep, run to completion, with whatever it dispatched finished too. */
    private void sweepAndSettle() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> sweeper.sweep());
        await().atMost(Api.WAIT).until(() -> dispatcher.queued() == 0);
    }

    private static void insertBatch(UUID id, String userId, String status, List<ConversationCompleted> sessions,
            String proposal) throws SQLException {
        Config config = ConfigProvider.getConfig();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            db.setAutoCommit(false);
            try (PreparedStatement batch = db.prepareStatement("insert into optimizer_batches (id, user_id, status,"
                    + " trigger, session_ids, base_version, proposal, attempts, next_attempt_at, claimed_until,"
                    + " created_at, updated_at) values (?, ?, ?, 'FULL', ?, 4, ?, 1, ?, ?, ?, ?)")) {
                batch.setObject(1, id);
                batch.setString(2, userId);
                batch.setString(3, status);
                batch.setString(4, Conversations.json(sessions.stream().map(ConversationCompleted::sessionId).toList()));
                batch.setString(5, proposal);
                batch.setTimestamp(6, now);
                // the crashed worker's lease, already run out
                batch.setTimestamp(7, Timestamp.from(Instant.now().minusSeconds(1)));
                batch.setTimestamp(8, now);
                batch.setTimestamp(9, now);
                batch.executeUpdate();
            }
            try (PreparedStatement session = db.prepareStatement("insert into sessions (session_id, user_id, batch_id,"
                    + " ended_at, received_at, payload) values (?, ?, ?, ?, ?, ?)")) {
                for (ConversationCompleted s : sessions) {
                    session.setString(1, s.sessionId());
                    session.setString(2, userId);
                    session.setObject(3, id);
                    session.setTimestamp(4, Timestamp.from(s.endedAt()));
                    session.setTimestamp(5, now);
                    session.setString(6, Conversations.json(s));
                    session.addBatch();
                }
                session.executeBatch();
            }
            db.commit();
        }
    }
}
