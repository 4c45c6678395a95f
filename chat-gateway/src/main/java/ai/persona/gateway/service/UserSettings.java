package ai.persona.gateway.service;

/** A user's switches; a user who never changed anything has the defaults. */
public record UserSettings(boolean personalization) {

    public static final UserSettings DEFAULTS = new UserSettings(true);
}
