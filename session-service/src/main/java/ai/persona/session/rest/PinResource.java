package ai.persona.session.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import ai.persona.identity.ServiceIdentity;
import ai.persona.runtime.problem.ProblemException;
import ai.persona.session.service.PinService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/** The fields and sections a user pinned: the optimizer's patches may not change them, the user's own edits may. */
@Path("/users/{userId}/persona/pins")
@RolesAllowed({ ServiceIdentity.GATEWAY, ServiceIdentity.ADMIN })
@Produces(MediaType.APPLICATION_JSON)
public class PinResource {

    @RegisterForReflection
    public record Pins(List<String> pins) {
    }

    private final PinService pins;

    public PinResource(PinService pins) {
        this.pins = pins;
    }

    // the updater reads them right before each optimizer run, to tell the model (persona-updater's PinLookup)
    @GET
    @RolesAllowed({ ServiceIdentity.GATEWAY, ServiceIdentity.UPDATER, ServiceIdentity.ADMIN })
    public Uni<Pins> pins(@PathParam("userId") String userId) {
        return pins.pins(userId).map(Pins::new);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the pins: JSON Pointers to sections (/Section) or fields (/Section/Field)")
    public Uni<Pins> replace(@PathParam("userId") String userId, Pins request) {
        if (request == null || request.pins() == null) {
            throw ProblemException.badRequest("give the pins as {\"pins\": [\"/Section\", \"/Section/Field\"]}");
        }
        return pins.replace(userId, request.pins()).map(Pins::new);
    }
}
