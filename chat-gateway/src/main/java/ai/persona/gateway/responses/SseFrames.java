package ai.persona.gateway.responses;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.model.PersonaJson;

/**
 * Server-sent event frames between the two APIs: the chat completions stream's frames read ({@code data: <payload>},
 * as HttpReply writes them), and the Responses API's events written, each named in the frame as OpenAI names them.
 */
final class SseFrames {

    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.UTF_8);

    private SseFrames() {
    }

    /** The payload of a frame written as "data: <payload>\n\n". */
    static byte[] data(byte[] frame) {
        String text = new String(frame, StandardCharsets.UTF_8).strip();
        return (text.startsWith("data:") ? text.substring(5).strip() : text).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the payload is the stream's closing [DONE]. */
    static boolean isDone(byte[] data) {
        return Arrays.equals(data, DONE);
    }

    // OpenAI names each event in the frame as well as in its type
    static byte[] frame(ResponseEvent event) {
        try {
            return ("event: " + event.type() + "\ndata: " + PersonaJson.mapper().writeValueAsString(event) + "\n\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a " + event.type() + " event", e);
        }
    }

    static JsonNode read(byte[] json) {
        try {
            return PersonaJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("the chat completion is not JSON", e);
        }
    }
}
