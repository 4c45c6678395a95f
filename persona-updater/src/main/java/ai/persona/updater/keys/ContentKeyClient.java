package ai.persona.updater.keys;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ai.persona.crypto.ContentKey;
import ai.persona.runtime.identity.SessionServiceTokenFilter;
import io.smallrye.mutiny.Uni;

/** session-service's content-key endpoint, with the updater's service token: it reads keys, never makes one. */
@RegisterRestClient(configKey = "session-service")
@RegisterProvider(SessionServiceTokenFilter.class)
@Path("/users/{userId}/content-key")
@Produces(MediaType.APPLICATION_JSON)
public interface ContentKeyClient {

    /** The user's key; 404 (a WebApplicationException) once their deletion destroyed it. */
    @GET
    Uni<ContentKey> existing(@PathParam("userId") String userId);
}
