package ai.persona.gateway.responses;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Responses API request as the gateway understands it.
 *
 * @param input the new input as chat-completions messages (without the instructions)
 * @param chatParameters members for the chat-completions body besides model, messages and stream (tools, tool_choice,
 *        temperature, max_tokens, ...), already in chat-completions form
 * @param echoed the request's own settings, written back in the response object as OpenAI does
 */
public record ResponsesRequest(String model, boolean stream, String instructions, String previousResponseId,
        ArrayNode input, ObjectNode chatParameters, ObjectNode echoed) {
}
