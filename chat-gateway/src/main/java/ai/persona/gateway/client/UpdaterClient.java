package ai.persona.gateway.client;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ai.persona.runtime.identity.UpdaterTokenFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/**
 * persona-updater's internal API over one user's learning: on or off, k, and the sessions buffered toward the next
 * batch. Only the settings pages call it; a chat turn never waits on the updater.
 */
@RegisterRestClient(configKey = "persona-updater")
@RegisterProvider(UpdaterTokenFilter.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface UpdaterClient {

    /**
     * The updater's view of a user (its {@code UserState}); fields the gateway does not use are ignored. The optimizer
     * mode is read only to be sent back unchanged.
     */
    record LearningRecord(boolean learningEnabled, int batchSize, boolean defaultBatchSize, String optimizerMode,
            boolean defaultOptimizerMode, long snapshotVersion, List<String> bufferedSessionIds) {
    }

    /** @param batchSize null restores the updater's default k, and {@code optimizerMode} null its default mode */
    record LearningSettings(boolean learningEnabled, Integer batchSize, String optimizerMode) {
    }

    @GET
    @Path("/users/{userId}")
    Uni<LearningRecord> learning(@PathParam("userId") String userId);

    @PUT
    @Path("/users/{userId}/settings")
    Uni<LearningRecord> changeLearning(@PathParam("userId") String userId, LearningSettings settings);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return UpdaterErrors.toException(response);
    }
}
