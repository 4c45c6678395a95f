package ai.persona.infra.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The {@link OpenAiStub} as the model of a Quarkus application under test, started before it so the base URL is known
 * at boot; a test gets it in a field marked {@link InjectOpenAiStub}.
 */
public class OpenAiStubResource implements QuarkusTestResourceLifecycleManager {

    private OpenAiStub stub;

    @Override
    public Map<String, String> start() {
        stub = OpenAiStub.start();
        // the updater's optimizer is a quarkus-langchain4j AI service; the gateway reads its own gateway.llm.* mapping
        // (its model edge): each service ignores the other's keys
        return Map.of(
                "quarkus.langchain4j.openai.base-url", stub.baseUrl(),
                "quarkus.langchain4j.openai.api-key", "test-key",
                "quarkus.langchain4j.openai.chat-model.model-name", OpenAiStub.MODEL,
                "gateway.llm.base-url", stub.baseUrl(),
                "gateway.llm.api-key", "test-key",
                "gateway.llm.model-name", OpenAiStub.MODEL);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(stub, new TestInjector.AnnotatedAndMatchesType(InjectOpenAiStub.class, OpenAiStub.class));
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
