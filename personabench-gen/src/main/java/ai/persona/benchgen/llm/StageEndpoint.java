package ai.persona.benchgen.llm;

/** Where a stage's model is served: any OpenAI-compatible API. */
public record StageEndpoint(String baseUrl, String apiKey, String model) {

    public StageEndpoint {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("a stage needs a base URL (--llm-base-url or the stage's own)");
        }
        apiKey = apiKey == null || apiKey.isBlank() ? "none" : apiKey;
    }

    @Override
    public String toString() {
        return model + " at " + baseUrl; // never the key
    }
}
