package ai.persona.gateway.service;

import com.fasterxml.jackson.annotation.JsonInclude;

import ai.persona.events.ChatMessage;
import ai.persona.runtime.problem.ProblemException;

/**
 * One server-sent event of a native streamed reply: {@code delta} (text as it comes), then {@code done} with the stored
 * message, or {@code error} when the model failed after the reply had started.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamEvent(String type, String content, ChatMessage message, Integer status, String detail) {

    public static StreamEvent delta(String content) {
        return new StreamEvent("delta", content, null, null, null);
    }

    public static StreamEvent done(ChatMessage message) {
        return new StreamEvent("done", null, message, null, null);
    }

    public static StreamEvent failed(Throwable failure) {
        if (failure instanceof ProblemException e) {
            return new StreamEvent("error", null, null, e.status(), e.getMessage());
        }
        return new StreamEvent("error", null, null, 500, "the reply could not be completed");
    }
}
