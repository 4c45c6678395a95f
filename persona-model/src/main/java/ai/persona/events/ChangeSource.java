package ai.persona.events;

/** What made a persona version. */
public enum ChangeSource {
    OPTIMIZER,
    USER_EDIT,
    IMPORT,
    ROLLBACK
}
