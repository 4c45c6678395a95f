package ai.persona.gateway.client;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A user's current persona and its version (0: the empty persona every user starts with). */
public record PersonaView(long version, ObjectNode persona) {
}
