package ai.persona.updater.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class PersonaVersionSignalsTest {

    private final PersonaVersionSignals signals = new PersonaVersionSignals();

    @Test
    void aWaiterIsWokenByAVersionPastItsOwnOnlyAndThenForgotten() {
        CompletableFuture<Long> pastTwo = signals.past("u1", 2);

        signals.reached("u1", 2);
        signals.reached("u2", 9);
        assertThat(pastTwo).isNotDone();
        assertThat(signals.waiting("u1")).isEqualTo(1);

        signals.reached("u1", 3);
        assertThat(pastTwo).isCompletedWithValue(3L);
        assertThat(signals.waiting("u1")).isZero();
    }

    @Test
    void eachWaiterOfAUserIsWokenByItsOwnVersion() {
        CompletableFuture<Long> pastOne = signals.past("u1", 1);
        CompletableFuture<Long> pastFive = signals.past("u1", 5);

        signals.reached("u1", 4);

        assertThat(pastOne).isCompletedWithValue(4L);
        assertThat(pastFive).isNotDone();
        assertThat(signals.waiting("u1")).isEqualTo(1);
    }

    @Test
    void aWaiterThatGivesUpLeavesNoRegistration() {
        CompletableFuture<Long> pastOne = signals.past("u1", 1);

        pastOne.cancel(false);
        signals.reached("u1", 2);

        assertThat(pastOne).isCancelled();
        assertThat(signals.waiting("u1")).isZero();
    }
}
