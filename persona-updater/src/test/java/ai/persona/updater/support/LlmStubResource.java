package ai.persona.updater.support;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts WireMock as the OpenAI-compatible endpoint before Quarkus starts, and points the optimizer's base URL at it:
 * the model is the one thing the tests stand in for, and it is stood in for at the HTTP level.
 */
public class LlmStubResource implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options()
                .dynamicPort()
                .containerThreads(8));
        server.start();
        return Map.of(
                "quarkus.langchain4j.openai.base-url", server.baseUrl() + "/v1/",
                "quarkus.langchain4j.openai.api-key", "test-key",
                "quarkus.langchain4j.openai.chat-model.model-name", LlmStub.MODEL);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(new LlmStub(server),
                new TestInjector.AnnotatedAndMatchesType(InjectLlmStub.class, LlmStub.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
