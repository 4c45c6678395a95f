package ai.persona.session.rest;

import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import ai.persona.session.service.SessionService;
import ai.persona.session.service.SessionView;
import io.smallrye.mutiny.Uni;

@Path("/sessions/unpublished")
@Produces(MediaType.APPLICATION_JSON)
public class UnpublishedSessionResource {

    private final SessionService sessions;

    public UnpublishedSessionResource(SessionService sessions) {
        this.sessions = sessions;
    }

    @GET
    @Operation(summary = "Completed sessions whose completion event was not yet acknowledged, for the gateway's sweeper")
    public Uni<List<SessionView>> unpublished(@QueryParam("limit") @DefaultValue("50") int limit) {
        return sessions.unpublished(limit);
    }
}
