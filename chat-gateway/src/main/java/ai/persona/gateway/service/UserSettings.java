package ai.persona.gateway.service;

/**
 * A user's switches; a user who never changed anything has the defaults.
 *
 * @param personalization false: the model gets no persona (the "No Persona" mode)
 * @param retrieval what else the model is given about the user: nothing, or their most similar past session
 */
public record UserSettings(boolean personalization, Retrieval retrieval) {

    public static final UserSettings DEFAULTS = new UserSettings(true, Retrieval.NONE);
}
