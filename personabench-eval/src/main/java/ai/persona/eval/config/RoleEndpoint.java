package ai.persona.eval.config;

/** Where one of the tool's own LLM roles (simulator, tool executor, judge) is served: any OpenAI-compatible API. */
public record RoleEndpoint(String baseUrl, String apiKey, String model) {

    public RoleEndpoint {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("an LLM role needs a base URL (--llm-base-url or the role's own)");
        }
        apiKey = apiKey == null || apiKey.isBlank() ? "none" : apiKey;
    }

    @Override
    public String toString() {
        return model + " at " + baseUrl; // never the key
    }
}
