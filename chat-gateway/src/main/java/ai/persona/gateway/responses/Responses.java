package ai.persona.gateway.responses;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.gateway.openai.ChatCompletions;
import ai.persona.gateway.responses.RememberedResponses.Remembered;
import ai.persona.gateway.rest.HttpReply;
import ai.persona.model.PersonaJson;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One Responses API call, served by the gateway's own chat completions: the request becomes a chat-completions body
 * (the conversation so far from {@code previous_response_id}, the instructions as a system message, the new input),
 * and {@link ChatCompletions} personalizes it, picks the session, calls the model and records the turn exactly as for
 * /v1/chat/completions. Its answer, whole or streamed, is then rewritten in the Responses shape.
 */
@ApplicationScoped
public class Responses {

    private final ChatCompletions completions;
    private final RememberedResponses remembered;

    public Responses(ChatCompletions completions, RememberedResponses remembered) {
        this.completions = completions;
        this.remembered = remembered;
    }

    public Uni<HttpReply> create(String userId, String requestedSessionId, JsonNode body) {
        ResponsesRequest request = ResponsesRequests.read(body, id -> remembered.item(userId, id));
        if (request.model() == null || request.model().isBlank()) {
            throw InvalidResponsesRequest.invalid("model", "\"model\" is required; GET /v1/models lists them");
        }
        Optional<Remembered> previous = previous(userId, request.previousResponseId());
        ArrayNode conversation = conversation(request, previous);
        // a client-given session wins; otherwise the conversation stays in the session its previous response was in
        String sessionId = requestedSessionId != null && !requestedSessionId.isBlank() ? requestedSessionId
                : previous.map(Remembered::sessionId).orElse(null);
        String instructions = request.instructions() != null ? request.instructions()
                : previous.map(Remembered::instructions).orElse(null);
        ResponseDraft draft = ResponseDraft.of(request);
        Turn turn = new Turn(userId, draft, conversation, instructions);
        return completions.complete(userId, sessionId, chatBody(request, conversation))
                .chain(reply -> request.stream() ? Uni.createFrom().item(streamed(turn, reply)) : whole(turn, reply));
    }

    private record Turn(String userId, ResponseDraft draft, ArrayNode conversation, String instructions) {
    }

    private Optional<Remembered> previous(String userId, String responseId) {
        if (responseId == null) {
            return Optional.empty();
        }
        Optional<Remembered> found = remembered.find(userId, responseId);
        if (found.isEmpty()) {
            throw new InvalidResponsesRequest(400, "previous_response_not_found", "previous_response_id",
                    "Previous response with id '" + responseId + "' not found: this gateway keeps responses in "
                            + "memory for a while only; send the whole conversation as input instead");
        }
        return found;
    }

    // instructions that differ from the ones in effect are added where they were given: the messages already
    // recorded in the session keep their places
    private static ArrayNode conversation(ResponsesRequest request, Optional<Remembered> previous) {
        ArrayNode conversation = previous.map(p -> p.messages().deepCopy())
                .orElseGet(JsonNodeFactory.instance::arrayNode);
        String inEffect = previous.map(Remembered::instructions).orElse(null);
        if (request.instructions() != null && !request.instructions().equals(inEffect)) {
            conversation.addObject().put("role", "system").put("content", request.instructions());
        }
        conversation.addAll(request.input());
        return conversation;
    }

    private static ObjectNode chatBody(ResponsesRequest request, ArrayNode conversation) {
        ObjectNode chat = JsonNodeFactory.instance.objectNode().put("model", request.model());
        chat.set("messages", conversation);
        chat.put("stream", request.stream());
        chat.setAll(request.chatParameters());
        if (request.stream()) {
            // the usage the completed response reports comes in a last chunk, on request
            chat.putObject("stream_options").put("include_usage", true);
        }
        return chat;
    }

    private Uni<HttpReply> whole(Turn turn, HttpReply reply) {
        String sessionId = sessionOf(reply);
        return reply.body()
                .collect().in(ByteArrayOutputStream::new, ByteArrayOutputStream::writeBytes)
                .map(bytes -> SseFrames.read(bytes.toByteArray()))
                .map(completion -> {
                    ResponseObject response = CompletedResponses.of(turn.draft(), completion);
                    remember(turn, sessionId, CompletedResponses.assistantMessage(completion), response);
                    // no session for a front-end's background task, which is not recorded
                    return HttpReply.json(response, sessionId == null ? Map.of()
                            : Map.of(ChatCompletions.SESSION_HEADER, sessionId));
                });
    }

    private HttpReply streamed(Turn turn, HttpReply reply) {
        String sessionId = sessionOf(reply);
        StreamedResponse stream = new StreamedResponse(turn.draft());
        Multi<ResponseEvent> events = reply.body()
                .onItem().transformToIterable(frame -> events(frame, stream, turn, sessionId));
        Multi<ResponseEvent> all = Multi.createBy().concatenating()
                .streams(Multi.createFrom().deferred(() -> Multi.createFrom().iterable(stream.started())), events);
        return new HttpReply(reply.headers(), all.map(SseFrames::frame));
    }

    // the chat stream's frames: chunks, an error frame if the model failed midway, then [DONE] once recorded
    private List<ResponseEvent> events(byte[] frame, StreamedResponse stream, Turn turn, String sessionId) {
        byte[] data = SseFrames.data(frame);
        if (SseFrames.isDone(data)) {
            // a failed response has nothing to continue from
            if (!stream.isFailed()) {
                remember(turn, sessionId, stream.assistantMessage(), stream.response());
            }
            return stream.finished();
        }
        JsonNode json = SseFrames.read(data);
        return json.has("error") ? stream.failed(json.get("error")) : stream.chunk(json);
    }

    private void remember(Turn turn, String sessionId, JsonNode assistantMessage, ResponseObject response) {
        ArrayNode messages = turn.conversation().deepCopy();
        messages.add(assistantMessage);
        List<JsonNode> output = response.output().stream()
                .<JsonNode>map(item -> PersonaJson.mapper().valueToTree(item))
                .toList();
        remembered.remember(turn.draft().id(), new Remembered(turn.userId(), sessionId, turn.instructions(), messages),
                output);
    }

    private static String sessionOf(HttpReply reply) {
        List<String> values = reply.headers().get(ChatCompletions.SESSION_HEADER);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
