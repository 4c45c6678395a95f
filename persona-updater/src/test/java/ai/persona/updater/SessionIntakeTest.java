package ai.persona.updater;

import static ai.persona.updater.service.SessionIntake.Result.BUFFERED;
import static ai.persona.updater.service.SessionIntake.Result.DUPLICATE;
import static ai.persona.updater.service.SessionIntake.Result.LEARNING_OFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.persona.events.ConversationCompleted;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import ai.persona.updater.service.PatchIds;
import ai.persona.updater.service.SessionIntake;
import ai.persona.updater.service.SessionIntake.Intake;
import ai.persona.updater.service.SessionIntake.Received;
import ai.persona.updater.support.Api;
import ai.persona.updater.support.Conversations;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/** A consumed batch of sessions, stored in one transaction, ends as the same sessions one at a time would. */
@QuarkusTest
class SessionIntakeTest {

    @Inject
    SessionIntake intake;

    @InjectOpenAiStub
    OpenAiStub llm;

    @Test
    void aBatchIsBufferedOncePerSessionAndSealedEveryKSessionsAndADeliveryAgainChangesNothing() throws Throwable {
        String userId = Conversations.userId();
        String optedOut = Conversations.userId();
        String marker = Conversations.marker();
        // the sealed batches are not dispatched here; the sweeper finds them, and the test waits until it has
        llm.replies(marker, "{\"operations\": []}");
        Api.settings(optedOut, false, null);
        List<ConversationCompleted> sessions = IntStream.rangeClosed(1, 7)
                .mapToObj(n -> Conversations.simple(userId, n, marker))
                .toList();
        List<Received> batch = List.of(received(sessions.get(0)), received(sessions.get(1)), received(sessions.get(2)),
                received(sessions.get(1)), received(Conversations.simple(optedOut, 1, marker)),
                received(sessions.get(3)), received(sessions.get(4)), received(sessions.get(5)),
                received(sessions.get(6)));

        Intake first = VertxContextSupport.subscribeAndAwait(() -> intake.accept(batch));

        assertThat(first.results()).containsExactly(BUFFERED, BUFFERED, BUFFERED, DUPLICATE, LEARNING_OFF, BUFFERED,
                BUFFERED, BUFFERED, BUFFERED);
        assertThat(first.sealed()).containsExactly(batchOf(userId, 1, 2, 3), batchOf(userId, 4, 5, 6));
        assertThat(Api.buffered(userId)).containsExactly(userId + "-s7");
        assertThat(Api.buffered(optedOut)).isEmpty();

        Intake again = VertxContextSupport.subscribeAndAwait(() -> intake.accept(batch));

        assertThat(again.results()).containsExactly(DUPLICATE, DUPLICATE, DUPLICATE, DUPLICATE, LEARNING_OFF,
                DUPLICATE, DUPLICATE, DUPLICATE, DUPLICATE);
        assertThat(again.sealed()).isEmpty();
        assertThat(Api.buffered(userId)).containsExactly(userId + "-s7");
        assertThat(Api.batches(userId)).extracting(b -> b.get("id"))
                .containsExactlyInAnyOrder(batchOf(userId, 1, 2, 3).toString(), batchOf(userId, 4, 5, 6).toString());
        await().atMost(Api.WAIT).until(() -> Api.batches(userId).stream()
                .allMatch(b -> "NO_CHANGE".equals(b.get("status"))));
    }

    private static Received received(ConversationCompleted session) {
        return new Received(session, Conversations.json(session));
    }

    private static UUID batchOf(String userId, int... sessions) {
        return PatchIds.of(userId, Arrays.stream(sessions).mapToObj(n -> userId + "-s" + n).toList());
    }
}
