package ai.persona.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import ai.persona.identity.ServiceIdentity;
import ai.persona.session.service.UserExport;
import ai.persona.session.service.UserService;
import io.smallrye.mutiny.Uni;

@Path("/users/{userId}")
@RolesAllowed({ ServiceIdentity.GATEWAY, ServiceIdentity.ADMIN })
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private final UserService users;

    public UserResource(UserService users) {
        this.users = users;
    }

    @GET
    @Path("/export")
    @Operation(summary = "Everything kept about the user, as one JSON document")
    public Uni<UserExport> export(@PathParam("userId") String userId) {
        return users.export(userId);
    }

    @DELETE
    @Operation(summary = "Delete the user and all their data; followers of the persona topic get a tombstone")
    public Uni<Response> delete(@PathParam("userId") String userId) {
        return users.delete(userId).replaceWith(Response.noContent().build());
    }
}
