package ai.persona.eval;

import java.util.Map;

import ai.persona.eval.config.RoleEndpoint;
import picocli.CommandLine.Option;

/**
 * The models of the tool's own roles. Each role may have its own endpoint and model; what a role leaves out comes from
 * the shared {@code --llm-*} options (defaults: the OPENAI_* environment variables).
 */
final class RoleOptions {

    static final String DEFAULT_MODEL = "gpt-4o";

    @Option(names = "--llm-base-url", defaultValue = "${env:OPENAI_BASE_URL}",
            description = "OpenAI-compatible base URL for all roles (default: $OPENAI_BASE_URL)")
    String baseUrl;

    @Option(names = "--llm-api-key", defaultValue = "${env:OPENAI_API_KEY}", description = "default: $OPENAI_API_KEY")
    String apiKey;

    @Option(names = "--llm-model", defaultValue = "${env:OPENAI_MODEL}", description = "default: $OPENAI_MODEL")
    String model;

    @Option(names = "--simulator-base-url")
    String simulatorBaseUrl;

    @Option(names = "--simulator-model")
    String simulatorModel;

    @Option(names = "--simulator-api-key")
    String simulatorApiKey;

    @Option(names = "--tool-base-url")
    String toolBaseUrl;

    @Option(names = "--tool-model")
    String toolModel;

    @Option(names = "--tool-api-key")
    String toolApiKey;

    @Option(names = "--judge-base-url")
    String judgeBaseUrl;

    @Option(names = "--judge-model")
    String judgeModel;

    @Option(names = "--judge-api-key")
    String judgeApiKey;

    RoleEndpoint simulator() {
        return endpoint(simulatorBaseUrl, simulatorApiKey, simulatorModel);
    }

    RoleEndpoint toolExecutor() {
        return endpoint(toolBaseUrl, toolApiKey, toolModel);
    }

    RoleEndpoint judge() {
        return endpoint(judgeBaseUrl, judgeApiKey, judgeModel);
    }

    /** The model names per role, for the report; no endpoint needed (a rebuilt report has none). */
    Map<String, String> models() {
        return Map.of("Simulator", or(or(simulatorModel, model), DEFAULT_MODEL),
                "Tool executor", or(or(toolModel, model), DEFAULT_MODEL),
                "Judge", or(or(judgeModel, model), DEFAULT_MODEL));
    }

    private RoleEndpoint endpoint(String roleUrl, String roleKey, String roleModel) {
        return new RoleEndpoint(or(roleUrl, baseUrl), or(roleKey, apiKey), or(or(roleModel, model), DEFAULT_MODEL));
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
