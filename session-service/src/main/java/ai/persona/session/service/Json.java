package ai.persona.session.service;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.model.PersonaJson;

/** JSON in and out of the JSONB columns, with the event contracts' settings. */
final class Json {

    private static final ObjectMapper MAPPER = PersonaJson.mapper();
    // an escape of U+0000 not itself escaped: preceded by an even number of backslashes
    private static final java.util.regex.Pattern NUL_ESCAPE = java.util.regex.Pattern.compile(
            "(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * JSON text that jsonb stores: a NUL escape, which jsonb refuses, is kept as the six characters of its escape. For
     * records kept as evidence (a parked patch), whose content was refused because of it.
     */
    static String storable(String json) {
        return NUL_ESCAPE.matcher(json).replaceAll("$1\\\\\\\\u0000");
    }

    static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON is unreadable", e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON is unreadable", e);
        }
    }

    static <T> T read(String json, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON is unreadable", e);
        }
    }
}
