package ai.persona.updater.rest;

import java.util.List;
import java.util.UUID;

/** The batches a flush sealed; empty when nothing was buffered (or learning is off). */
public record FlushResponse(List<UUID> sealedBatchIds) {
}
