package ai.persona.benchmark.load;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.model.PersonaJson;

/** One user of the gateway as the benchmark drives it: the requests of both APIs, built the way clients send them. */
public final class GatewayUser {

    private final String gatewayUrl;
    private final String userId;
    private final String token;
    private final Http http;
    private final String reply;
    // the OpenAI-compatible API is stateless: a client resends the conversation, so it grows turn by turn
    private final List<String[]> conversation = new ArrayList<>();

    /** @param reply what the simulator answers (always the same), resent as the assistant's turn */
    public GatewayUser(String gatewayUrl, String userId, String token, Http http, String reply) {
        this.gatewayUrl = gatewayUrl;
        this.userId = userId;
        this.token = token;
        this.http = http;
        this.reply = reply;
    }

    public String userId() {
        return userId;
    }

    public String openSession() {
        return http.json(Http.request(gatewayUrl + "/api/sessions", token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), 201).path("id").asText();
    }

    public void endSession(String sessionId) {
        http.json(Http.request(gatewayUrl + "/api/sessions/" + sessionId + "/end", token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
    }

    public long personaVersion() {
        return http.json(Http.request(gatewayUrl + "/api/persona", token).GET().build(), 200).path("version").asLong();
    }

    public HttpRequest nativeTurn(String sessionId, String text) {
        ObjectNode body = PersonaJson.mapper().createObjectNode().put("content", text);
        return Http.request(gatewayUrl + "/api/sessions/" + sessionId + "/messages", token)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    public HttpRequest openAiTurn(String sessionId, String model, String text, boolean stream) {
        conversation.add(new String[] { "user", text });
        ObjectNode body = PersonaJson.mapper().createObjectNode().put("model", model).put("stream", stream);
        ArrayNode messages = body.putArray("messages");
        conversation.forEach(m -> messages.addObject().put("role", m[0]).put("content", m[1]));
        conversation.add(new String[] { "assistant", reply });
        return Http.request(gatewayUrl + "/v1/chat/completions", token)
                .header("X-Session-Id", sessionId)
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }
}
