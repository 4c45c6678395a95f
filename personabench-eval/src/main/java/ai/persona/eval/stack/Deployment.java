package ai.persona.eval.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.eval.config.Protocol;
import ai.persona.eval.config.Setting;
import ai.persona.model.PersonaJson;

/**
 * The deployment under evaluation, through its public APIs only: the gateway's native API as each user (their token)
 * and the updater's per-user learning settings and batches. Nothing here reads a database or a topic.
 */
public final class Deployment {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String OPTIMIZER_MODE = "optimizerMode";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String gatewayUrl;
    private final String updaterUrl;
    private final Supplier<String> updaterToken;

    /** @param updaterToken an operator's service token for the updater, minted fresh for each call */
    public Deployment(String gatewayUrl, String updaterUrl, Supplier<String> updaterToken) {
        this.gatewayUrl = trimSlash(gatewayUrl);
        this.updaterUrl = trimSlash(updaterUrl);
        this.updaterToken = updaterToken;
    }

    public String openAiBaseUrl() {
        return gatewayUrl + "/v1";
    }

    /**
     * Makes the user one of the setting's cohort: what the gateway adds to prompts, whether and how the updater learns,
     * and the persona the user starts with (the golden one for Golden Persona; for a learner, the part of it the
     * protocol's learning start names).
     */
    public void configure(String userId, String token, Setting setting, JsonNode golden, Protocol protocol) {
        ObjectNode gateway = PersonaJson.mapper().createObjectNode()
                .put("personalization", setting.kind() == Setting.Kind.GOLDEN || setting.learns())
                .put("retrieval", setting.kind() == Setting.Kind.RAG ? "similar-session" : "none");
        send(user(token, "/api/settings").PUT(body(gateway)), 200);
        ObjectNode learning = PersonaJson.mapper().createObjectNode().put("learningEnabled", setting.learns());
        if (setting.learns()) {
            learning.put("batchSize", setting.k());
            if (protocol.paper()) {
                learning.put(OPTIMIZER_MODE, "paper");
            }
        }
        JsonNode saved = learningSettings(userId, learning);
        if (learning.has(OPTIMIZER_MODE) && !"paper".equals(saved.path(OPTIMIZER_MODE).asText())) {
            System.err.println("warning: the updater did not keep optimizerMode=paper for " + userId
                    + " (a version without optimizer modes?): it learns with its default optimizer");
        }
        JsonNode start = setting.kind() == Setting.Kind.GOLDEN ? golden
                : setting.learns() ? LearningStarts.of(protocol.learningStart(), golden) : null;
        if (start != null) {
            send(user(token, "/api/persona").PUT(body(start)), 200);
        }
    }

    // an updater that predates optimizer modes may refuse the field: the user then learns with the default optimizer
    private JsonNode learningSettings(String userId, ObjectNode learning) {
        URI uri = URI.create(updaterUrl + "/users/" + userId + "/settings");
        try {
            return send(asOperator(json(uri)).PUT(body(learning)), 200);
        } catch (DeploymentException refused) {
            if (!learning.has(OPTIMIZER_MODE) || !refused.getMessage().contains(OPTIMIZER_MODE)) {
                throw refused;
            }
            return send(asOperator(json(uri)).PUT(body(learning.deepCopy().without(OPTIMIZER_MODE))), 200);
        }
    }

    // the updater's API is for operators (and the gateway): each call carries a fresh admin service token
    private HttpRequest.Builder asOperator(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + updaterToken.get());
    }

    /**
     * The status of the updater's batch that holds the session (READY, OPTIMIZED, PUBLISHED, NO_CHANGE, PARKED), or
     * null while no batch holds it yet.
     */
    public String batchStatus(String userId, String sessionId) {
        JsonNode batches = send(asOperator(json(URI.create(updaterUrl + "/batches?limit=20&userId="
                + URLEncoder.encode(userId, StandardCharsets.UTF_8)))).GET(), 200);
        for (JsonNode batch : batches) {
            for (JsonNode id : batch.path("sessionIds")) {
                if (id.asText().equals(sessionId)) {
                    return batch.path("status").asText(null);
                }
            }
        }
        return null;
    }

    public String openSession(String token) {
        return send(user(token, "/api/sessions").POST(HttpRequest.BodyPublishers.noBody()), 201).get("id").asText();
    }

    public void endSession(String token, String sessionId) {
        send(user(token, "/api/sessions/" + sessionId + "/end").POST(HttpRequest.BodyPublishers.noBody()), 200);
    }

    public PersonaState persona(String token) {
        JsonNode body = send(user(token, "/api/persona").GET(), 200);
        return new PersonaState(body.path("version").asLong(), body.path("persona"));
    }

    /** The sessions that updates of the user's persona were learned from, newest versions first. */
    public Set<String> learnedFromSessions(String token) {
        JsonNode page = send(user(token, "/api/persona/history?size=100").GET(), 200);
        Set<String> sessions = new HashSet<>();
        page.path("items").forEach(version -> version.path("sourceSessionIds")
                .forEach(id -> sessions.add(id.asText())));
        return sessions;
    }

    /** The model the gateway offers, for the OpenAI-compatible API's model field. */
    public String assistantModel(String token) {
        JsonNode models = send(user(token, "/v1/models").GET(), 200);
        return models.path("data").path(0).path("id").asText("default");
    }

    public record PersonaState(long version, JsonNode persona) {
    }

    private HttpRequest.Builder user(String token, String path) {
        return json(URI.create(gatewayUrl + path)).header("Authorization", "Bearer " + token);
    }

    private static HttpRequest.Builder json(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private static HttpRequest.BodyPublisher body(JsonNode json) {
        return HttpRequest.BodyPublishers.ofString(json.toString());
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new DeploymentException(built.method() + " " + built.uri().getPath() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? PersonaJson.mapper().createObjectNode()
                    : PersonaJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new DeploymentException(built.method() + " " + built.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentException("interrupted", e);
        }
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
