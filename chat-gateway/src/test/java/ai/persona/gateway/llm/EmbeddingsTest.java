package ai.persona.gateway.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import ai.persona.gateway.llm.Embeddings.Model;

/**
 * The in-process models themselves: loaded on first use, similar texts closer than unlike ones, and what each costs,
 * printed for the record (the first call includes loading the model).
 */
class EmbeddingsTest {

    private static final String TEA = "我想找一款适合秋天喝的乌龙茶，最好香气浓一点";
    private static final String TEA_QUESTION = "秋天喝什么茶比较好？";

    @ParameterizedTest
    @EnumSource(Model.class)
    void similarTextsAreCloserThanUnlikeOnesAndTheCostIsPrinted(Model choice) {
        Embeddings embeddings = new Embeddings(choice);
        long started = System.nanoTime();
        float[] tea = embed(embeddings, TEA);
        long loaded = System.nanoTime();
        float[] teaQuestion = embed(embeddings, TEA_QUESTION);
        long once = System.nanoTime();
        float[] car = embed(embeddings, "My car makes a grinding noise when I brake, do the pads need replacing?");
        float[] brakes = embed(embeddings, "the brake pads on my car squeal");
        float[] python = embed(embeddings, "My Python script fails with KeyError when I read the config dictionary");

        System.out.printf("%s: first call (loading the model) %d ms, then one embedding %.1f ms, %d dimensions%n",
                choice, (loaded - started) / 1_000_000, (once - loaded) / 1e6, tea.length);
        assertThat(tea).hasSize(choice == Model.ALL_MINILM_L6_V2 ? 384 : 512);
        assertThat(Embeddings.cosine(tea, teaQuestion)).isGreaterThan(Embeddings.cosine(car, teaQuestion))
                .isGreaterThan(Embeddings.cosine(python, teaQuestion));
        assertThat(Embeddings.cosine(car, brakes)).isGreaterThan(Embeddings.cosine(tea, brakes))
                .isGreaterThan(Embeddings.cosine(python, brakes));
    }

    /** PersonaBench's sessions are Chinese: the multilingual model tells Chinese topics apart. */
    @Test
    void theChineseModelFindsTheChineseSessionOnTheSameTopic() {
        Embeddings embeddings = new Embeddings(Model.BGE_SMALL_ZH_V15_Q);
        float[] question = embed(embeddings, TEA_QUESTION);
        double tea = Embeddings.cosine(embed(embeddings, TEA), question);
        double brakes = Embeddings.cosine(embed(embeddings, "我的车刹车的时候有异响，是不是该换刹车片了？"), question);
        double code = Embeddings.cosine(embed(embeddings, "我的Python脚本读取配置字典时报KeyError"), question);
        assertThat(tea).isGreaterThan(brakes).isGreaterThan(code);
    }

    @Test
    void aZeroVectorOrAnotherModelsVectorIsLikeNothing() {
        assertThat(Embeddings.cosine(new float[] { 0, 0 }, new float[] { 1, 0 })).isEqualTo(-1);
        assertThat(Embeddings.cosine(new float[] { 2, 0 }, new float[] { 1, 0 })).isEqualTo(1);
        assertThat(Embeddings.cosine(new float[] { 1, 0, 0 }, new float[] { 1, 0 })).isEqualTo(-1);
    }

    private static float[] embed(Embeddings embeddings, String text) {
        return embeddings.embed(text).await().atMost(Duration.ofSeconds(60));
    }
}
