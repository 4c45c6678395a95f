package ai.persona.gateway.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The in-process model itself: loaded on first use, similar texts closer than unlike ones (Chinese too), and what it
 * costs, printed for the record (the first call includes loading the model).
 */
class EmbeddingsTest {

    private final Embeddings embeddings = new Embeddings();

    @Test
    void similarTextsAreCloserThanUnlikeOnesAndTheCostIsPrinted() {
        long started = System.nanoTime();
        float[] tea = embed("我想找一款适合秋天喝的乌龙茶，最好香气浓一点");
        long loaded = System.nanoTime();
        float[] teaQuestion = embed("秋天喝什么茶比较好？");
        long once = System.nanoTime();
        float[] car = embed("My car makes a grinding noise when I brake, do the pads need replacing?");
        float[] brakes = embed("the brake pads on my car squeal");
        float[] python = embed("My Python script fails with KeyError when I read the config dictionary");

        System.out.printf("all-MiniLM-L6-v2: first call (loading the model) %d ms, then one embedding %.1f ms%n",
                (loaded - started) / 1_000_000, (once - loaded) / 1e6);
        assertThat(tea).hasSize(384);
        assertThat(Embeddings.cosine(tea, teaQuestion)).isGreaterThan(Embeddings.cosine(car, teaQuestion))
                .isGreaterThan(Embeddings.cosine(python, teaQuestion));
        assertThat(Embeddings.cosine(car, brakes)).isGreaterThan(Embeddings.cosine(tea, brakes))
                .isGreaterThan(Embeddings.cosine(python, brakes));
    }

    @Test
    void aZeroVectorIsLikeNothing() {
        assertThat(Embeddings.cosine(new float[] { 0, 0 }, new float[] { 1, 0 })).isEqualTo(-1);
        assertThat(Embeddings.cosine(new float[] { 2, 0 }, new float[] { 1, 0 })).isEqualTo(1);
    }

    private float[] embed(String text) {
        return embeddings.embed(text).await().atMost(Duration.ofSeconds(60));
    }
}
