package ai.persona.gateway.support;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * WireMock as the OpenAI-compatible model, started before Quarkus so the base URL is known at boot: the model is the one
 * thing the tests stand in for, at the HTTP level. Tests get it through {@link InjectLlmStub}.
 */
public class LlmStubResource implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(10));
        server.start();
        LlmStub.defaults(server);
        return Map.of(
                "gateway.llm.base-url", server.baseUrl() + "/v1/",
                "gateway.llm.api-key", "test-key",
                "gateway.llm.model-name", LlmStub.MODEL);
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
