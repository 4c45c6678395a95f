package ai.persona.gateway.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

import ai.persona.gateway.auth.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;

/**
 * My persona's new versions as they happen, as server-sent events: what the web console follows to show a version
 * the optimizer (or I, elsewhere) just made. Only the token's user's changes.
 */
@Path("/api/persona-changes")
@Authenticated
public class PersonaChangesResource {

    private final CurrentUser user;
    private final PersonaChanges changes;
    private final ConsoleConfig config;

    public PersonaChangesResource(CurrentUser user, PersonaChanges changes, ConsoleConfig config) {
        this.user = user;
        this.changes = changes;
        this.config = config;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "My persona's new versions as server-sent events (connected, persona-changed, heartbeat)")
    public Multi<ConsoleEvent> follow() {
        // the user is read here, on the request: the stream outlives the request scope
        Multi<ConsoleEvent> mine = changes.of(user.id())
                .map(ConsoleEvent::of);
        Multi<ConsoleEvent> heartbeats = Multi.createFrom().ticks().every(config.heartbeat())
                .map(tick -> ConsoleEvent.heartbeat());
        // merging subscribes to its streams in this order: "connected" goes out once the user's changes are followed,
        // so a change made after the client saw it is never missed
        return Multi.createBy().merging().streams(mine, heartbeats, Multi.createFrom().item(ConsoleEvent.connected()));
    }
}
