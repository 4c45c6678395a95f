package ai.persona.updater.rest;

import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The batches a flush sealed; empty when nothing was buffered (or learning is off). */
@RegisterForReflection
public record FlushResponse(List<UUID> sealedBatchIds) {
}
