package ai.persona.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    // long enough for five users' batches to reach the model and all five to ask for their deletion while it holds them
    private static final Duration HOLD = Duration.ofSeconds(15);
    private static final Duration LEARN = Duration.ofSeconds(90);
    private static final int TRIALS = 10;
    private static final int WAVE = 5;
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

    /**
     * Ten trials in two waves of five users at once (the updater optimizes up to 8 batches at a time by default): each
     * user's third session starts a batch the slow model holds; all five delete themselves and come back while it
     * holds, and each must stay at version 0 with no history once the model has answered.
     */
    @Test
    void deletingWhileTheOptimizerHoldsTheBatchAndReturningAtOnceNeverResurrectsThePersona() throws Exception {
        ExecutorService users = Executors.newFixedThreadPool(WAVE);
        try {
            for (int wave = 0; wave < TRIALS / WAVE; wave++) {
                List<Trial> trials = new ArrayList<>();
                for (int i = 0; i < WAVE; i++) {
                    trials.add(new Trial("forget-" + wave + "-" + i + "-" + UUID.randomUUID()));
                }
                // three sessions each, the users side by side, so their batches reach the model together
                for (Future<?> sessions : users.invokeAll(trials.stream().map(Trial::threeSessions).toList())) {
                    sessions.get();
                }
                await().atMost(LEARN).until(() -> trials.stream().allMatch(Trial::batchIsWithTheModel));
                for (Trial trial : trials) {
                    // the model has not answered yet, or this trial would test nothing
                    assertThat(versionSeen(trial.user)).as(trial.userId).isZero();
                }
                // all five delete themselves and come back at once: a deletion may wait for the batch the model holds,
                // so one after the other the later ones would come after the model's answer
                for (Future<?> returned : users.invokeAll(trials.stream().map(Trial::deleteAndReturn).toList())) {
                    returned.get();
                }
                // the model answers within the hold; whatever the updater and session-service make of it, each new
                // life stays at version 0 with no history
                await("wave " + wave).during(HOLD.plusSeconds(4)).atMost(HOLD.plusSeconds(30))
                        .until(() -> trials.stream().allMatch(trial -> versionSeen(trial.user) == 0));
                for (Trial trial : trials) {
                    assertThat(trial.user.history()).as(trial.userId).isEmpty();
                }
            }
        } finally {
            users.shutdownNow();
        }
    }

    /** One user of one trial: a marker in their first session lets the stand-in model hold only their batch. */
    private record Trial(String userId, Gateway user) {

        Trial(String userId) {
            this(userId, newUser(userId));
            stack.llm.holdOptimizer(userId, HOLD);
        }

        Callable<Void> threeSessions() {
            return () -> {
                user.converse("请记住我 " + userId);
                user.converse("回答请简短一些");
                user.converse("先给我结论");
                return null;
            };
        }

        Callable<Void> deleteAndReturn() {
            return () -> {
                user.deleteMe();
                user.say(user.open(), "我回来了");
                return null;
            };
        }

        boolean batchIsWithTheModel() {
            return stack.llm.optimizerCallsFor(userId) == 1;
        }
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
