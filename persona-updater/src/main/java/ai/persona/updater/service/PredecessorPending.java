package ai.persona.updater.service;

import java.util.UUID;

/**
 * The user's previous batch is not finished yet (being optimized, or waiting for a retry): this one is handed back
 * instead of holding an optimizer worker while it waits, and the previous batch's worker dispatches it when done.
 */
public class PredecessorPending extends RuntimeException {

    public PredecessorPending(UUID batchId, UUID previousId) {
        super("batch " + batchId + " waits for " + previousId, null, false, false);
    }
}
