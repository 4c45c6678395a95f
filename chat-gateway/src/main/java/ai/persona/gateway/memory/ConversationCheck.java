package ai.persona.gateway.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;

import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;
import ai.persona.events.ToolCall;
import ai.persona.gateway.config.GatewayConfig;
import ai.persona.input.MessageTexts;
import ai.persona.input.UserText;
import ai.persona.model.ConversationLimits;
import ai.persona.model.PersonaJson;
import ai.persona.runtime.problem.ProblemException;

/**
 * Holds a posted conversation to the rules session-service keeps every session to (the same limits as a chat turn:
 * {@code persona.conversations.max-messages-per-session} and {@code max-message-chars}), so that nothing published is
 * refused downstream; a conversation without a user message teaches the updater nothing and is refused too. Each
 * refusal names the field at fault. The whole conversation must also fit in one Kafka record
 * ({@code gateway.conversations.max-bytes}).
 */
@ApplicationScoped
public class ConversationCheck {

    static final String PROBLEM = "invalid-conversation";
    // what session-service accepts as an id, so a client id is as free as a session id there
    private static final Pattern CLIENT_ID = Pattern.compile("(?! )[^\\p{Cntrl}]{1,200}(?<! )");

    private final ConversationLimits limits;
    private final int maxBytes;

    public ConversationCheck(GatewayConfig config, ConversationLimits limits) {
        this.limits = limits;
        this.maxBytes = config.conversations().maxBytes();
    }

    /** The conversation as the session will keep it. */
    public List<ChatMessage> messages(NewConversation conversation) {
        if (conversation == null) {
            throw invalid("body", "send a conversation: {\"messages\": [...]}");
        }
        String clientId = conversation.clientId();
        // a lone surrogate would reach the session id's hash as "?", so two apps' ids would name one conversation
        if (clientId != null && (!CLIENT_ID.matcher(clientId).matches() || UserText.problem(clientId).isPresent())) {
            throw invalid("clientId", "clientId must be 1-200 characters of valid UTF-16 without control characters, "
                    + "not starting or ending with a space");
        }
        List<NewConversation.Message> posted = conversation.messages();
        if (posted == null || posted.isEmpty()) {
            throw invalid("messages", "send at least one message");
        }
        if (posted.size() > limits.maxMessagesPerSession()) {
            throw invalid("messages", "a conversation holds at most " + limits.maxMessagesPerSession() + " messages, not "
                    + posted.size());
        }
        List<ChatMessage> messages = new ArrayList<>(posted.size());
        for (int i = 0; i < posted.size(); i++) {
            messages.add(message(posted.get(i), "messages[" + i + "]"));
        }
        MessageTexts.firstProblem(messages).ifPresent(problem -> {
            throw invalid(problem.field(), problem.detail());
        });
        if (messages.stream().noneMatch(message -> message.role() == MessageRole.USER)) {
            throw invalid("messages", "a conversation needs at least one user message");
        }
        int bytes = jsonBytes(messages);
        if (bytes > maxBytes) {
            throw invalid("messages", "a conversation's messages take at most " + maxBytes + " bytes as JSON, not "
                    + bytes + "; record a long one as several conversations");
        }
        return messages;
    }

    private ChatMessage message(NewConversation.Message message, String field) {
        if (message == null) {
            throw invalid(field, field + " is null");
        }
        MessageRole role = role(message.role(), field + ".role");
        List<ToolCall> calls = calls(message.toolCalls(), field + ".toolCalls");
        String content = message.content();
        if ((content == null || content.isBlank()) && calls.isEmpty()) {
            throw invalid(field + ".content", "a " + role.name().toLowerCase(Locale.ROOT)
                    + " message needs content (or, from the assistant, tool calls)");
        }
        if (content != null && content.length() > limits.maxMessageChars()) {
            throw invalid(field + ".content", "a message holds at most " + limits.maxMessageChars() + " characters, not "
                    + content.length());
        }
        return new ChatMessage(role, content, message.at(), calls, message.toolCallId());
    }

    private static MessageRole role(String role, String field) {
        String name = role == null ? "" : role.toLowerCase(Locale.ROOT);
        return switch (name) {
            // "developer" is OpenAI's newer name for "system"
            case "system", "developer" -> MessageRole.SYSTEM;
            case "user" -> MessageRole.USER;
            case "assistant" -> MessageRole.ASSISTANT;
            case "tool" -> MessageRole.TOOL;
            default -> throw invalid(field, (role == null ? "a role is missing" : "unknown role \"" + role + "\"")
                    + "; one of system, developer, user, assistant, tool");
        };
    }

    private List<ToolCall> calls(List<NewConversation.Call> posted, String field) {
        if (posted == null) {
            return List.of();
        }
        List<ToolCall> calls = new ArrayList<>(posted.size());
        for (int i = 0; i < posted.size(); i++) {
            NewConversation.Call call = posted.get(i);
            if (call == null || call.functionName() == null || call.functionName().isBlank()) {
                throw invalid(field + "[" + i + "]", "a tool call needs the function's name");
            }
            String arguments = call.functionArguments();
            // bounded like content: arguments are text the session keeps too
            if (arguments != null && arguments.length() > limits.maxMessageChars()) {
                throw invalid(field + "[" + i + "]", "a tool call's arguments hold at most " + limits.maxMessageChars()
                        + " characters");
            }
            calls.add(new ToolCall(call.id(), call.functionName(), arguments));
        }
        return calls;
    }

    private static int jsonBytes(List<ChatMessage> messages) {
        try {
            return PersonaJson.mapper().writeValueAsBytes(messages).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a conversation", e);
        }
    }

    static ProblemException invalid(String field, String detail) {
        return new ProblemException(400, PROBLEM, "Bad request", detail, Map.of("field", field));
    }
}
