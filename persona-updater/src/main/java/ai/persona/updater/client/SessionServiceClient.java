package ai.persona.updater.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.runtime.identity.SessionServiceTokenFilter;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** session-service's persona API, the system of record for the current persona and its version. */
@RegisterRestClient(configKey = "session-service")
@RegisterProvider(SessionServiceTokenFilter.class)
@Path("/users/{userId}/persona")
public interface SessionServiceClient {

    @RegisterForReflection
    record CurrentPersona(long version, ObjectNode persona) {
    }

    @GET
    CurrentPersona current(@PathParam("userId") String userId);

    @RegisterForReflection
    record Pins(List<String> pins) {
    }

    /** The fields and sections the user pinned, which the optimizer is told are fixed. */
    @GET
    @Path("/pins")
    Pins pins(@PathParam("userId") String userId);
}
