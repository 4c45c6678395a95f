package ai.persona.updater.persistence;

import java.util.List;

/** Where a batch is: READY → (OPTIMIZED → PUBLISHED) | NO_CHANGE | PARKED. */
public enum BatchStatus {
    /** Sealed, waiting for the optimizer. */
    READY,
    /** A validated patch is stored and not yet acknowledged by the broker. */
    OPTIMIZED,
    PUBLISHED,
    /** The optimizer found nothing to change; nothing was published. */
    NO_CHANGE,
    /** The model's output stayed malformed or invalid after one repair attempt; waits for a person. */
    PARKED;

    /** The states a worker still has something to do in. */
    public static final List<BatchStatus> UNFINISHED = List.of(READY, OPTIMIZED);
}
