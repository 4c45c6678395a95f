package ai.persona.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One RFC 6902 operation over the persona dictionary, with the reason it was proposed.
 *
 * @param op add, replace, remove or test
 * @param path a JSON Pointer such as {@code /Preference/Preferred_Styles}
 * @param value the new value (add, replace, test); null for remove
 * @param reason why the change was made, in the user's language; kept in the persona's history
 * @param until for add or replace of a whole field the schema marks {@code temporary}: when the value stops holding, after
 *        which session-service removes it (source EXPIRY). An extra member, which RFC 6902 (section 4) allows and JSON
 *        Patch libraries ignore; absent for a lasting value (docs/persona-over-time.md)
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatchOperation(String op, String path, JsonNode value, String reason, Instant until) {

    /** A lasting change: no validity. */
    public PatchOperation(String op, String path, JsonNode value, String reason) {
        this(op, path, value, reason, null);
    }

    public static PatchOperation add(String path, JsonNode value, String reason) {
        return new PatchOperation("add", path, value, reason);
    }

    public static PatchOperation replace(String path, JsonNode value, String reason) {
        return new PatchOperation("replace", path, value, reason);
    }

    /** The same change, holding only until {@code until} (null: lasting). */
    public PatchOperation until(Instant until) {
        return new PatchOperation(op, path, value, reason, until);
    }

    @JsonIgnore
    public boolean isTemporary() {
        return until != null;
    }

    public static PatchOperation remove(String path, String reason) {
        return new PatchOperation("remove", path, null, reason);
    }

    public static PatchOperation test(String path, JsonNode value) {
        return new PatchOperation("test", path, value, null);
    }

    @JsonIgnore
    public boolean isGuard() {
        return "test".equals(op);
    }

    @JsonIgnore
    public boolean isRemoval() {
        return "remove".equals(op);
    }

    /** The bare RFC 6902 form, without the reason and validity, as a JSON Patch library reads it. */
    public ObjectNode toJsonPatchOperation() {
        ObjectNode node = PersonaJson.mapper().createObjectNode();
        node.put("op", op);
        node.put("path", path);
        if (value != null && !isRemoval()) {
            node.set("value", value);
        }
        return node;
    }
}
