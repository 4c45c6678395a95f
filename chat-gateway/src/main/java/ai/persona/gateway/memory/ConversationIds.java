package ai.persona.gateway.memory;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The session a posted conversation becomes. With a client id it is a name-based UUID of the user and that id, so
 * the same conversation posted twice lands in the same session (and two users' equal client ids never meet); without
 * one, a random UUID.
 */
final class ConversationIds {

    // keeps these names apart from any other name-based id the project may derive
    private static final String NAMESPACE = "ai-persona/conversations\u0000";

    private ConversationIds() {
    }

    static String sessionId(String userId, String clientId) {
        if (clientId == null) {
            return UUID.randomUUID().toString();
        }
        // the user id's length first: no user id and client id pair reads as another
        String name = NAMESPACE + userId.length() + ':' + userId + clientId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
