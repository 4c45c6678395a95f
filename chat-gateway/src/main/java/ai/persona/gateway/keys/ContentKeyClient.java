package ai.persona.gateway.keys;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ai.persona.crypto.ContentKey;
import ai.persona.runtime.identity.SessionServiceTokenFilter;
import io.smallrye.mutiny.Uni;

/** session-service's content-key endpoint, with the gateway's service token. A 404 fails with WebApplicationException. */
@RegisterRestClient(configKey = "session-service")
@RegisterProvider(SessionServiceTokenFilter.class)
@Path("/users/{userId}/content-key")
@Produces(MediaType.APPLICATION_JSON)
public interface ContentKeyClient {

    /** The user's key, made when they have none: before their first turn is sealed. */
    @POST
    Uni<ContentKey> current(@PathParam("userId") String userId);

    /** The user's key while it exists; 404 once their deletion destroyed it. */
    @GET
    Uni<ContentKey> existing(@PathParam("userId") String userId);
}
