package ai.persona.benchgen;

import ai.persona.benchgen.llm.Stage;
import ai.persona.benchgen.llm.StageEndpoint;
import picocli.CommandLine.Option;

/**
 * The model of each stage. Each may have its own endpoint and model; what a stage leaves out comes from the shared
 * {@code --llm-*} options (defaults: the OPENAI_* environment variables), as personabench-eval's roles do.
 */
final class StageOptions {

    static final String DEFAULT_MODEL = "gpt-4o";

    @Option(names = "--llm-base-url", defaultValue = "${env:OPENAI_BASE_URL}",
            description = "OpenAI-compatible base URL for all stages (default: $OPENAI_BASE_URL)")
    String baseUrl;

    @Option(names = "--llm-api-key", defaultValue = "${env:OPENAI_API_KEY}", description = "default: $OPENAI_API_KEY")
    String apiKey;

    @Option(names = "--llm-model", defaultValue = "${env:OPENAI_MODEL}", description = "default: $OPENAI_MODEL, else gpt-4o")
    String model;

    @Option(names = "--persona-base-url", description = "the persona stage's base URL (default: --llm-base-url)")
    String personaBaseUrl;
    @Option(names = "--persona-model", description = "the persona stage's model (default: --llm-model)")
    String personaModel;
    @Option(names = "--persona-api-key", description = "the persona stage's API key (default: --llm-api-key)")
    String personaApiKey;
    @Option(names = "--scene-base-url", description = "the scene stage's base URL (default: --llm-base-url)")
    String sceneBaseUrl;
    @Option(names = "--scene-model", description = "the scene stage's model (default: --llm-model)")
    String sceneModel;
    @Option(names = "--scene-api-key", description = "the scene stage's API key (default: --llm-api-key)")
    String sceneApiKey;
    @Option(names = "--query-base-url", description = "the query stage's base URL (default: --llm-base-url)")
    String queryBaseUrl;
    @Option(names = "--query-model", description = "the query stage's model (default: --llm-model)")
    String queryModel;
    @Option(names = "--query-api-key", description = "the query stage's API key (default: --llm-api-key)")
    String queryApiKey;
    @Option(names = "--filter-base-url", description = "the filter stage's base URL (default: --llm-base-url)")
    String filterBaseUrl;
    @Option(names = "--filter-model", description = "the filter stage's model (default: --llm-model)")
    String filterModel;
    @Option(names = "--filter-api-key", description = "the filter stage's API key (default: --llm-api-key)")
    String filterApiKey;

    StageEndpoint endpoint(Stage stage) {
        return switch (stage) {
            case PERSONA -> endpoint(personaBaseUrl, personaApiKey, personaModel);
            case SCENE -> endpoint(sceneBaseUrl, sceneApiKey, sceneModel);
            case QUERY -> endpoint(queryBaseUrl, queryApiKey, queryModel);
            case FILTER -> endpoint(filterBaseUrl, filterApiKey, filterModel);
        };
    }

    private StageEndpoint endpoint(String stageUrl, String stageKey, String stageModel) {
        return new StageEndpoint(or(stageUrl, baseUrl), or(stageKey, apiKey), or(or(stageModel, model), DEFAULT_MODEL));
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
