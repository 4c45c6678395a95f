package ai.persona.session.service;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record PersonaView(long version, ObjectNode persona) {
}
