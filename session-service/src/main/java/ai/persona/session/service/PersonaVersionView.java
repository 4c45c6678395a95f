package ai.persona.session.service;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.events.ChangeSource;
import ai.persona.session.persistence.PersonaVersionEntity;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One version in a persona's history: what it was, what changed, and where the change came from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record PersonaVersionView(long version, ObjectNode persona, JsonNode patch, JsonNode operations,
        ChangeSource source, String patchId, List<String> sourceSessionIds, String model, Instant createdAt) {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    static PersonaVersionView of(PersonaVersionEntity row) {
        return new PersonaVersionView(row.version, (ObjectNode) Json.tree(row.document), Json.tree(row.patch),
                Json.tree(row.operations), ChangeSource.valueOf(row.source), row.patchId,
                Json.read(row.sourceSessionIds, STRINGS), row.model, row.createdAt);
    }
}
