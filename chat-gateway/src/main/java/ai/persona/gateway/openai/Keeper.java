package ai.persona.gateway.openai;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.persona.events.ChatMessage;
import ai.persona.gateway.service.ConversationTracker;
import ai.persona.gateway.service.ConversationTracker.Tracked;
import io.smallrye.mutiny.Uni;

/** What becomes of a chat completion's turn: recorded in its session (whose id goes back to the client), or nothing. */
interface Keeper {

    /** A front-end's background task: nothing is kept, no session named. */
    Keeper NOTHING = new Keeper() {
        @Override
        public Uni<Void> keep(Optional<ChatMessage> reply) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Map<String, String> headers() {
            return Map.of();
        }
    };

    /** Keeps the turn with the reply; with none (the model failed), what the client sent. */
    Uni<Void> keep(Optional<ChatMessage> reply);

    /** Response headers that tell the client where the turn went. */
    Map<String, String> headers();

    static Keeper recorded(ConversationTracker tracker, Tracked session, List<ChatMessage> sent) {
        return new Keeper() {
            @Override
            public Uni<Void> keep(Optional<ChatMessage> reply) {
                return tracker.record(session, sent, reply);
            }

            @Override
            public Map<String, String> headers() {
                return Map.of(ChatCompletions.SESSION_HEADER, session.sessionId());
            }
        };
    }
}
