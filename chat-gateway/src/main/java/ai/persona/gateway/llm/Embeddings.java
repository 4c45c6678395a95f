package ai.persona.gateway.llm;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Sentence embeddings computed in-process with all-MiniLM-L6-v2 (ONNX, 384 dimensions): no second model endpoint to
 * run or pay for. The model is loaded on first use, so a gateway whose users never switch retrieval on does not pay
 * its start time or memory; embedding is CPU work and runs on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class Embeddings {

    private volatile EmbeddingModel model;

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
                    model = new AllMiniLmL6V2EmbeddingModel();
                    Log.infof("embedding model all-MiniLM-L6-v2 loaded in %d ms", (System.nanoTime() - started) / 1_000_000);
                }
                loaded = model;
            }
        }
        return loaded;
    }

    public static double cosine(float[] a, float[] b) {
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
