package ai.persona.updater.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ai.persona.identity.ServiceIdentity;
import ai.persona.runtime.problem.ProblemException;
import ai.persona.updater.llm.OptimizerMode;
import ai.persona.updater.persistence.BatchTrigger;
import ai.persona.updater.service.BatchDispatcher;
import ai.persona.updater.service.UserSettingsService.UserState;
import ai.persona.updater.service.UserSettingsService;
import io.smallrye.mutiny.Uni;

/**
 * Internal API over one user: learning on/off, k, optimizer mode, what is buffered, and flushing a partial batch. The
 * user id in the path is held to the shared id rule before this runs (service-runtime's {@code IdFilter}).
 */
@Path("/users/{userId}")
// an operator may do everything; the gateway reads and changes a user's learning settings for that user
// (GET/PUT /api/learning), nothing else
@RolesAllowed(ServiceIdentity.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public class UserResource {

    private final UserSettingsService settings;
    private final BatchDispatcher dispatcher;

    public UserResource(UserSettingsService settings, BatchDispatcher dispatcher) {
        this.settings = settings;
        this.dispatcher = dispatcher;
    }

    @GET
    @RolesAllowed({ ServiceIdentity.ADMIN, ServiceIdentity.GATEWAY })
    @Operation(summary = "The user's settings, persona snapshot version and buffered sessions")
    public Uni<UserState> state(@PathParam("userId") String userId) {
        return settings.state(userId);
    }

    @PUT
    @RolesAllowed({ ServiceIdentity.ADMIN, ServiceIdentity.GATEWAY })
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Turns learning on or off, sets k and the optimizer mode for the user (null: the default)")
    public Uni<UserState> update(@PathParam("userId") String userId, SettingsRequest request) {
        if (request == null || request.learningEnabled() == null) {
            throw ProblemException.badField("learningEnabled", "learningEnabled is required");
        }
        Integer k = request.batchSize();
        if (k != null && (k < 1 || k > settings.maxBatchSize())) {
            throw ProblemException.badField("batchSize", "batchSize must be between 1 and " + settings.maxBatchSize());
        }
        OptimizerMode mode = request.optimizerMode() == null ? null : OptimizerMode.parse(request.optimizerMode())
                .orElseThrow(() -> ProblemException.badField("optimizerMode",
                        "optimizerMode must be one of " + OptimizerMode.ids()));
        return settings.update(userId, request.learningEnabled(), k, mode)
                .invoke(updated -> updated.sealed().forEach(dispatcher::dispatch))
                .map(UserSettingsService.Updated::state);
    }

    @POST
    @Path("/flush")
    @Operation(summary = "Seals the user's buffered sessions into a batch now, however few")
    public Uni<FlushResponse> flush(@PathParam("userId") String userId) {
        return settings.flush(userId, BatchTrigger.MANUAL)
                .invoke(sealed -> sealed.forEach(dispatcher::dispatch))
                .map(FlushResponse::new);
    }
}
