package ai.persona.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import ai.persona.identity.ServiceIdentity;
import ai.persona.model.PersonaModelFingerprint;

/**
 * The persona model this service enforces on every patch, as a fingerprint: the updater and the gateway read it at
 * start-up and refuse to run with another (service-runtime's PersonaModelAgreement).
 */
@Path("/persona-model")
@Produces(MediaType.APPLICATION_JSON)
public class PersonaModelResource {

    private final PersonaModelFingerprint fingerprint;

    public PersonaModelResource(PersonaModelFingerprint fingerprint) {
        this.fingerprint = fingerprint;
    }

    @GET
    @RolesAllowed({ ServiceIdentity.UPDATER, ServiceIdentity.GATEWAY, ServiceIdentity.ADMIN })
    @Operation(summary = "The SHA-256 fingerprint of the schema, optimizer limits and sensitive-data categories enforced")
    public PersonaModelFingerprint fingerprint() {
        return fingerprint;
    }
}
