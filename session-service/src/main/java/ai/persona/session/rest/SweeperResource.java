package ai.persona.session.rest;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import ai.persona.identity.ServiceIdentity;
import ai.persona.runtime.problem.ProblemException;
import ai.persona.session.service.SessionService;
import ai.persona.session.service.SessionView;
import io.smallrye.mutiny.Uni;

@Path("/sessions")
@RolesAllowed(ServiceIdentity.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
/** Across users: what the gateway's sweepers ask for. */
public class SweeperResource {

    private final SessionService sessions;

    public SweeperResource(SessionService sessions) {
        this.sessions = sessions;
    }

    @GET
    @Path("/unpublished")
    @Operation(summary = "Completed sessions whose completion event was not yet acknowledged, for the gateway's sweeper")
    public Uni<List<SessionView>> unpublished(@QueryParam("limit") @DefaultValue("50") int limit) {
        return sessions.unpublished(limit);
    }

    @POST
    @Path("/end-idle")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "End sessions idle for longer than idleFor (ISO-8601, default PT30M); returns them with messages")
    public Uni<List<SessionView>> endIdle(@QueryParam("idleFor") @DefaultValue("PT30M") String idleFor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Duration duration;
        try {
            duration = Duration.parse(idleFor);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("idleFor must be an ISO-8601 duration such as PT30M");
        }
        return sessions.endIdle(duration, limit);
    }
}
