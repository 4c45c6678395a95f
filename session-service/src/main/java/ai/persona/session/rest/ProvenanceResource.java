package ai.persona.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import ai.persona.identity.ServiceIdentity;
import ai.persona.session.service.ProvenanceService;
import ai.persona.session.service.ProvenanceView;
import io.smallrye.mutiny.Uni;

/** Where each field of a persona came from. */
@Path("/users/{userId}/persona/provenance")
@RolesAllowed({ ServiceIdentity.GATEWAY, ServiceIdentity.ADMIN })
@Produces(MediaType.APPLICATION_JSON)
public class ProvenanceResource {

    private final ProvenanceService provenance;

    public ProvenanceResource(ProvenanceService provenance) {
        this.provenance = provenance;
    }

    @GET
    @Operation(summary = "For each field: the version, patch and source that set it, its sessions, reason and expiry")
    public Uni<ProvenanceView> provenance(@PathParam("userId") String userId) {
        return provenance.of(userId);
    }
}
