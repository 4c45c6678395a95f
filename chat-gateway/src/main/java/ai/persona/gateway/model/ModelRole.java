package ai.persona.gateway.model;

import java.util.Locale;

/** Who says a message, as OpenAI names them ("developer", the newer name of "system", is read as system). */
public enum ModelRole {
    SYSTEM, USER, ASSISTANT, TOOL;

    /** The role's name on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
