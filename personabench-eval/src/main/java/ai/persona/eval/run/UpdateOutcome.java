package ai.persona.eval.run;

/**
 * How the wait for a learner's update after a batch-completing session ended, read from the updater's batch (its
 * terminal status) and the persona's history: a batch that ends without a version ends the wait at once.
 */
public enum UpdateOutcome {
    /** A new persona version learned from the session is in the history (the batch was PUBLISHED and applied). */
    CHANGED("changed"),
    /** The batch ended NO_CHANGE: the optimizer found nothing to change. */
    NO_CHANGE("no change"),
    /** The batch ended PARKED: the optimizer's output stayed invalid; it waits for a person. */
    PARKED("parked"),
    /** Neither within --update-timeout. */
    TIMED_OUT("timed out");

    private final String label;

    UpdateOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The outcome a terminal batch status ends the wait with; null while the wait goes on (PUBLISHED: till applied). */
    static UpdateOutcome ofBatchStatus(String status) {
        return switch (status == null ? "" : status) {
            case "NO_CHANGE" -> NO_CHANGE;
            case "PARKED" -> PARKED;
            default -> null;
        };
    }
}
