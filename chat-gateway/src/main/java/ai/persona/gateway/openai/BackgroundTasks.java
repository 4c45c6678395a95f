package ai.persona.gateway.openai;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;

/** Tells a front-end's background task (a chat title, tags) from the user's conversation, by configured markers. */
@ApplicationScoped
public class BackgroundTasks {

    private final List<String> markers;

    public BackgroundTasks(OpenAiConfig config) {
        this.markers = config.backgroundTaskMarkers().orElse(List.of()).stream()
                .map(String::strip)
                .filter(marker -> !marker.isEmpty())
                .toList();
    }

    /** Whether the conversation's last user message starts with a marker. */
    public boolean isBackgroundTask(List<ChatMessage> conversation) {
        if (markers.isEmpty()) {
            return false;
        }
        for (int i = conversation.size() - 1; i >= 0; i--) {
            ChatMessage message = conversation.get(i);
            if (message.role() == MessageRole.USER) {
                String text = message.content() == null ? "" : message.content().stripLeading();
                return markers.stream().anyMatch(text::startsWith);
            }
        }
        return false;
    }
}
