package ai.persona.updater.persistence;

/** Why a batch was sealed. */
public enum BatchTrigger {
    /** The user's buffer reached k sessions. */
    FULL,
    /** A partial batch waited longer than the configured maximum. */
    MAX_WAIT,
    /** Flushed through the API. */
    MANUAL
}
