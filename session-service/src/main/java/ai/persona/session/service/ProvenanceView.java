package ai.persona.session.service;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The provenance of every field a persona holds at {@code version}, in the persona's order. */
@RegisterForReflection
public record ProvenanceView(long version, List<FieldProvenance> fields) {
}
