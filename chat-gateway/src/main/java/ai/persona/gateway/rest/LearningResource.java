package ai.persona.gateway.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.auth.CurrentUser;
import ai.persona.gateway.service.Learning;
import ai.persona.gateway.service.LearningChange;
import ai.persona.gateway.service.LearningState;
import ai.persona.runtime.problem.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** My learning: whether my conversations update my persona, after how many sessions, and how far the next update is. */
@Path("/api/learning")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class LearningResource {

    private static final String SHAPE = "give {\"learning\": true|false} and/or {\"sessionsPerUpdate\": n} "
            + "(null: the default)";

    private final CurrentUser user;
    private final Learning learning;

    public LearningResource(CurrentUser user, Learning learning) {
        this.user = user;
        this.learning = learning;
    }

    @GET
    @Operation(summary = "Learning on or off, k (sessions per persona update) and the sessions counted toward the next "
            + "update")
    public Uni<LearningState> state() {
        return learning.of(user.id());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Turn learning on or off and set k: {\"learning\": false} stops updates from my "
            + "conversations; {\"sessionsPerUpdate\": 1} updates after every session, null restores the default. "
            + "A field left out keeps its value; a smaller k may start an update at once")
    public Uni<LearningState> change(JsonNode body) {
        return learning.change(user.id(), parsed(body));
    }

    private static LearningChange parsed(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest(SHAPE);
        }
        JsonNode on = body.get("learning");
        if (on != null && !on.isBoolean()) {
            throw ProblemException.badField("learning", "learning is true or false");
        }
        JsonNode k = body.get("sessionsPerUpdate");
        if (k != null && !k.isNull() && !(k.canConvertToInt() && k.isIntegralNumber() && k.intValue() >= 1)) {
            throw ProblemException.badField("sessionsPerUpdate", "sessionsPerUpdate is a whole number of at least 1, "
                    + "or null for the default");
        }
        LearningChange change = new LearningChange(on == null ? null : on.booleanValue(),
                k == null || k.isNull() ? null : k.intValue(), k != null && k.isNull());
        if (change.isEmpty()) {
            throw ProblemException.badRequest(SHAPE);
        }
        return change;
    }
}
