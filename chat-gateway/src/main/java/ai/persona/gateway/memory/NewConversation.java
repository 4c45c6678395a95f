package ai.persona.gateway.memory;

import java.time.Instant;
import java.util.List;

/**
 * A finished conversation an app had with its own model, as posted to {@code POST /api/conversations}.
 *
 * @param clientId the app's own id for the conversation: posting the same id again records it once
 * @param messages in the order they were said
 */
public record NewConversation(String clientId, List<Message> messages) {

    /**
     * One message.
     *
     * @param role system (or developer), user, assistant or tool; any case
     * @param at when it was said; the time it is recorded when absent
     * @param toolCalls the calls an assistant message made
     * @param toolCallId for a tool message, the call it answers
     */
    public record Message(String role, String content, Instant at, List<Call> toolCalls, String toolCallId) {
    }

    /**
     * A tool call, flat as the native API returns it ({@code name}, {@code arguments}) or nested as OpenAI's API does
     * ({@code "type": "function", "function": {"name", "arguments"}}).
     */
    public record Call(String id, String type, String name, String arguments, Function function) {

        public String functionName() {
            return function != null && function.name() != null ? function.name() : name;
        }

        public String functionArguments() {
            return function != null && function.arguments() != null ? function.arguments() : arguments;
        }
    }

    public record Function(String name, String arguments) {
    }
}
