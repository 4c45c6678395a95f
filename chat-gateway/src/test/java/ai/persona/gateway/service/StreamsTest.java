package ai.persona.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import ai.persona.runtime.problem.ProblemException;
import io.smallrye.mutiny.Multi;

class StreamsTest {

    @Test
    void theStartedStreamRunsItsSourceOnceAndKeepsEveryItem() {
        AtomicInteger subscriptions = new AtomicInteger();
        Multi<String> source = Multi.createFrom().items("a", "b", "c")
                .onSubscription().invoke(subscriptions::incrementAndGet);

        Multi<String> started = Streams.started(source).await().atMost(Duration.ofSeconds(5));
        List<String> items = started.collect().asList().await().atMost(Duration.ofSeconds(5));

        assertThat(items).containsExactly("a", "b", "c");
        assertThat(subscriptions).hasValue(1);
    }

    @Test
    void aFailureBeforeTheFirstItemFailsTheStartItself() {
        Multi<String> source = Multi.createFrom().failure(Unavailable.llm("down"));

        assertThatThrownBy(() -> Streams.started(source).await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(ProblemException.class).hasMessage("down");
    }

    @Test
    void aFailureAfterTheFirstItemReachesTheStreamsSubscriber() {
        Multi<String> source = Multi.createBy().concatenating()
                .streams(Multi.createFrom().item("a"), Multi.createFrom().failure(new IllegalStateException("cut")));

        Multi<String> started = Streams.started(source).await().atMost(Duration.ofSeconds(5));

        assertThatThrownBy(() -> started.collect().asList().await().atMost(Duration.ofSeconds(5)))
                .hasMessage("cut");
    }
}
