package ai.persona.session.keys;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import ai.persona.crypto.ContentKey;
import ai.persona.identity.ServiceIdentity;
import ai.persona.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * A user's content key, for the services that seal their content into topics (the gateway: turns) or open it (the
 * updater: completed conversations). Only they may have it; an operator's admin token may not.
 */
@Path("/users/{userId}/content-key")
@Produces(MediaType.APPLICATION_JSON)
public class ContentKeyResource {

    private final ContentKeys keys;

    public ContentKeyResource(ContentKeys keys) {
        this.keys = keys;
    }

    @GET
    @RolesAllowed({ ServiceIdentity.GATEWAY, ServiceIdentity.UPDATER })
    @Operation(summary = "The user's content key; 404 when they have none (never recorded, or deleted)")
    public Uni<ContentKey> get(@PathParam("userId") String userId) {
        return keys.find(userId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no content key for user " + userId));
    }

    @POST
    @RolesAllowed(ServiceIdentity.GATEWAY)
    @Operation(summary = "The user's content key, made now when they have none (before their first turn is recorded)")
    public Uni<ContentKey> current(@PathParam("userId") String userId) {
        return keys.current(userId);
    }
}
