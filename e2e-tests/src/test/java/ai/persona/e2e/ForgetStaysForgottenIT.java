package ai.persona.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ai.persona.events.EventContract;
import ai.persona.infra.testing.TestKafka;

/**
 * Deletion that stays done, across the three real services: a user who deletes themselves while the optimizer still
 * works on a batch of their sessions, and comes back at once, never gets a persona learned from the deleted sessions;
 * an old patch replayed after they came back is refused.
 */
@ExtendWith(SharedStack.class)
class ForgetStaysForgottenIT {

    private static final Duration HOLD = Duration.ofSeconds(3);
    private static final Duration LEARN = Duration.ofSeconds(90);
    private static final int TRIALS = 10;
    private static Stack stack;

    @BeforeAll
    static void useTheSharedStack() {
        stack = SharedStack.stack();
    }

    private static Gateway newUser(String userId) {
        return new Gateway(stack.services.gatewayUrl(), stack.services.tokenFor(userId));
    }

    /** The persona version the user sees: 0, the empty persona, for a user session-service does not know. */
    private static long versionSeen(Gateway user) {
        return user.personaVersion();
    }

    @Test
    void deletingWhileTheOptimizerHoldsTheBatchAndReturningAtOnceNeverResurrectsThePersona() {
        int inFlight = 0;
        for (int trial = 1; trial <= TRIALS; trial++) {
            String userId = "forget-" + trial + "-" + UUID.randomUUID();
            Gateway user = newUser(userId);
            stack.llm.holdOptimizer(userId, HOLD);
            user.converse("请记住我 " + userId);
            user.converse("回答请简短一些");
            user.converse("先给我结论");
            // the batch of three is with the (slow) model
            await().atMost(LEARN).until(() -> stack.llm.optimizerCallsFor(userId) == 1);
            inFlight++;

            user.deleteMe();
            String fresh = user.open();
            user.say(fresh, "我回来了");

            // the model answers within the hold; whatever the updater and session-service make of it, the new life
            // stays at version 0 with no history
            await("trial " + trial).during(HOLD.plusSeconds(4)).atMost(HOLD.plusSeconds(30))
                    .until(() -> versionSeen(user) == 0);
            assertThat(user.history()).as("trial %d", trial).isEmpty();
        }
        assertThat(inFlight).isEqualTo(TRIALS);
    }

    @Test
    void anOldPatchReplayedAfterTheUserReturnedIsRefused() {
        String userId = "replay-" + UUID.randomUUID();
        Gateway user = newUser(userId);
        user.converse("请记住我 " + userId);
        user.converse("回答请简短一些");
        user.converse("先给我结论");
        await().atMost(LEARN).until(() -> versionSeen(user) == 1);
        TestKafka kafka = TestKafka.at(stack.services.servers().kafkaBootstrapServers());
        List<ConsumerRecord<String, String>> patches = kafka.records(EventContract.PERSONA_PATCH_PROPOSED.topic(), userId);
        assertThat(patches).hasSize(1);

        user.deleteMe();
        String fresh = user.open();
        user.say(fresh, "我回来了");
        // the returned user's session and turn were answered: session-service knows them again, at version 0, the
        // base version the old patch names
        kafka.replay(patches.get(0));

        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(30)).until(() -> versionSeen(user) == 0);
        assertThat(user.history()).isEmpty();
    }
}
