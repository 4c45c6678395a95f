package ai.persona.gateway.service;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the gateway retrieves for a user's turn besides their persona. */
public enum Retrieval {

    /** Nothing: the persona (if on) is all the model is told about the user. */
    NONE("none"),
    /** The user's most similar past (ended) session, the "Conversations RAG" of the paper. */
    SIMILAR_SESSION("similar-session");

    private final String id;

    Retrieval(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public static Optional<Retrieval> of(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
