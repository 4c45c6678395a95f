package ai.persona.events;

/** What made a persona version. */
public enum ChangeSource {
    OPTIMIZER,
    USER_EDIT,
    IMPORT,
    ROLLBACK,
    /** A temporary value's validity ended: session-service removed it (docs/persona-over-time.md). */
    EXPIRY
}
