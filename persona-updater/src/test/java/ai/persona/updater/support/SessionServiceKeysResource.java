package ai.persona.updater.support;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import ai.persona.crypto.ContentKey;
import ai.persona.model.PersonaJson;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * session-service's content-key endpoint ({@code GET /users/{id}/content-key}) beside the updater's own tests, where no
 * session-service runs: the updater seals each patch it publishes with the user's key, so without one it would publish
 * nothing. Keys are {@link TestContentKeys}'; every other session-service call fails as unreachable, as it did with no
 * server at all (persona and pin reads fall back to the snapshot). The real endpoint is tested in session-service's
 * ContentKeyTest, and the two services together in the gateway's and e2e tests.
 */
public class SessionServiceKeysResource implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(new Keys()));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server.stubFor(get(urlPathTemplate("/users/{userId}/content-key")).atPriority(1)
                .willReturn(aResponse().withTransformers(Keys.NAME)));
        return Map.of("quarkus.rest-client.session-service.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static final class Keys implements ResponseDefinitionTransformerV2 {

        static final String NAME = "test-content-keys";

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String userId = event.getRequest().getPathParameters().get("userId");
            ContentKey key = TestContentKeys.of(userId);
            ResponseDefinitionBuilder response = ResponseDefinitionBuilder.like(event.getResponseDefinition());
            try {
                return key == null ? response.withStatus(404).build()
                        : response.withStatus(200).withHeader("Content-Type", "application/json")
                                .withBody(PersonaJson.mapper().writeValueAsString(key)).build();
            } catch (Exception e) {
                return response.withStatus(500).withBody(e.toString()).build();
            }
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
