package ai.persona.gateway.llm;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

import ai.persona.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Sentence embeddings computed in-process (ONNX models shipped as Maven artifacts by langchain4j): no second model
 * endpoint to run or pay for. The model is chosen per deployment ({@code gateway.retrieval.embedding-model}); it is
 * loaded on first use, so a gateway whose users never switch retrieval on does not pay its start time or memory;
 * embedding is CPU work and runs on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class Embeddings {

    /** The models on offer. Their vectors differ in size, so a vector of another model is never compared. */
    public enum Model {
        /** BAAI bge-small-zh-v1.5, quantized, 512 dimensions: Chinese and English (PersonaBench's data is Chinese). */
        BGE_SMALL_ZH_V15_Q("bge-small-zh-v1.5 (quantized)", BgeSmallZhV15QuantizedEmbeddingModel::new),
        /** sentence-transformers all-MiniLM-L6-v2, 384 dimensions: English only. */
        ALL_MINILM_L6_V2("all-MiniLM-L6-v2", AllMiniLmL6V2EmbeddingModel::new);

        private final String label;
        private final Supplier<EmbeddingModel> loader;

        Model(String label, Supplier<EmbeddingModel> loader) {
            this.label = label;
            this.loader = loader;
        }
    }

    private final Model choice;
    private volatile EmbeddingModel model;

    @Inject
    public Embeddings(GatewayConfig config) {
        this(config.retrieval().embeddingModel());
    }

    public Embeddings(Model choice) {
        this.choice = choice;
    }

    public Uni<float[]> embed(String text) {
        return Uni.createFrom().item(() -> model().embed(text).content().vector())
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    long started = System.nanoTime();
                    model = choice.loader.get();
                    Log.infof("embedding model %s loaded in %d ms", choice.label,
                            (System.nanoTime() - started) / 1_000_000);
                }
                loaded = model;
            }
        }
        return loaded;
    }

    /** -1 for vectors of different sizes (different models) or a zero vector: never the most similar. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            return -1;
        }
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? -1 : dot / Math.sqrt(normA * normB);
    }
}
