package ai.persona.gateway.console;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The web console is static files under META-INF/resources/console/ (served as they are, no sign-in needed to load
 * them: the page's calls carry the user's token). The site's root and /console lead to it.
 */
@Path("/")
public class ConsolePage {

    static final URI CONSOLE = URI.create("/console/");

    @GET
    @Operation(hidden = true)
    public Response root() {
        return Response.seeOther(CONSOLE).build();
    }

    @GET
    @Path("console")
    @Operation(hidden = true)
    public Response console() {
        return Response.seeOther(CONSOLE).build();
    }
}
