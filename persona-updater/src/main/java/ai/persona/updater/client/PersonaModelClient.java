package ai.persona.updater.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import ai.persona.model.PersonaModelFingerprint;
import ai.persona.runtime.identity.SessionServiceTokenFilter;
import io.smallrye.mutiny.Uni;

/** The persona model session-service enforces, read once at start-up (SessionServicePersonaModel). */
@RegisterRestClient(configKey = "session-service")
@RegisterProvider(SessionServiceTokenFilter.class)
@Path("/persona-model")
public interface PersonaModelClient {

    @GET
    Uni<PersonaModelFingerprint> fingerprint();
}
