package ai.persona.session.service;

/**
 * What materializing a SessionEvent did, beyond the plain case, reported once its batch committed (a rolled-back batch
 * is retried and would report twice). {@code outcome} names a counter tag.
 */
public record EventOutcome(String eventId, String sessionId, String outcome, String detail) {

    /** Materialized (its messages stored, or the session ended). */
    public static final String RECORDED = "recorded";
    /** Its eventId was recorded before: a redelivery. */
    public static final String DUPLICATE = "duplicate";
    /** The session belongs to another user: nothing changed. */
    public static final String OTHER_USER = "other-user";
    /** The session had ended: its messages are not stored, a second end changes nothing. */
    public static final String AFTER_END = "after-end";
    /** The end of a session never recorded: skipped, see SessionEventPlan. */
    public static final String UNKNOWN_SESSION = "unknown-session";
    /** firstIndex was past the messages recorded: not applied (it does not extend them). */
    public static final String GAP = "gap";
    /** The session was full: messages past the limit were dropped. */
    public static final String OVER_LIMIT = "over-limit";

    /** The user asked to be forgotten: deleted again, after everything of theirs recorded before it. */
    public static final String FORGOTTEN = "forgotten";

    /**
     * Stamped at or before the user's latest deletion: part of what was deleted (an event recorded before the FORGOTTEN
     * marker and read after the deletion through the API, or a turn that was in flight), so not materialized.
     */
    public static final String BEFORE_DELETION = "before-deletion";

    /** Outcomes that change nothing or lose something: logged as warnings. */
    public boolean warns() {
        return !RECORDED.equals(outcome) && !DUPLICATE.equals(outcome) && !FORGOTTEN.equals(outcome)
                && !BEFORE_DELETION.equals(outcome);
    }
}
