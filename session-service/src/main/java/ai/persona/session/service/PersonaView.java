package ai.persona.session.service;

import com.fasterxml.jackson.databind.node.ObjectNode;

public record PersonaView(long version, ObjectNode persona) {
}
