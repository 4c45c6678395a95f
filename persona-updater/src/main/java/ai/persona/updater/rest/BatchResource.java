package ai.persona.updater.rest;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.identity.ServiceIdentity;
import ai.persona.runtime.problem.ProblemException;
import ai.persona.updater.persistence.BatchStatus;
import ai.persona.updater.service.BatchDispatcher;
import ai.persona.updater.service.BatchQueries;
import ai.persona.updater.service.BatchStore;
import io.smallrye.mutiny.Uni;

/** Internal API over the optimizer's batches: list them (parked ones above all), inspect one, re-run a parked one. */
@Path("/batches")
@RolesAllowed(ServiceIdentity.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "batches")
public class BatchResource {

    private static final int MAX_LIMIT = 200;

    private final BatchQueries queries;
    private final BatchStore store;
    private final BatchDispatcher dispatcher;
    private final ObjectMapper mapper;

    public BatchResource(BatchQueries queries, BatchStore store, BatchDispatcher dispatcher, ObjectMapper mapper) {
        this.queries = queries;
        this.store = store;
        this.dispatcher = dispatcher;
        this.mapper = mapper;
    }

    @GET
    @Operation(summary = "Batches, newest first, optionally of one user and in one status (e.g. status=PARKED)")
    public Uni<List<BatchView>> list(@QueryParam("userId") String userId, @QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badField("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return queries.search(userId, status(status), limit)
                .map(rows -> rows.stream().map(row -> BatchView.of(row, mapper)).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<BatchView> get(@PathParam("id") UUID id) {
        return queries.find(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no batch " + id))
                .map(row -> BatchView.of(row, mapper));
    }

    @POST
    @Path("/{id}/rerun")
    @ResponseStatus(202)
    @Operation(summary = "Runs a parked batch again, against the user's current persona")
    public Uni<BatchView> rerun(@PathParam("id") UUID id) {
        return queries.find(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no batch " + id))
                .chain(row -> store.rerun(id))
                .invoke(rerun -> {
                    if (!rerun) {
                        throw ProblemException.conflict("batch-not-parked", "batch " + id + " is not parked");
                    }
                })
                .invoke(() -> dispatcher.dispatch(id))
                .chain(() -> queries.find(id))
                .map(row -> BatchView.of(row, mapper));
    }

    private static BatchStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return BatchStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("status",
                    "unknown status '" + status + "'; one of " + List.of(BatchStatus.values()));
        }
    }
}
