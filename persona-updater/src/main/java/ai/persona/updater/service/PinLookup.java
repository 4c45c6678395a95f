package ai.persona.updater.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ai.persona.updater.client.SessionServiceClient;
import io.quarkus.logging.Log;

/**
 * The user's pins, read from session-service right before the optimizer runs, with the same client and at the same
 * moment as the current persona (SnapshotRefresher). Pins make no persona version, so PersonaChanged cannot carry
 * them; this read adds no new dependency. Unreachable, the optimizer is simply not told: session-service still parks a
 * patch that touches a pin.
 */
@ApplicationScoped
public class PinLookup {

    private final SessionServiceClient sessions;

    public PinLookup(@RestClient SessionServiceClient sessions) {
        this.sessions = sessions;
    }

    /** Blocking: called from the optimizer's worker thread, never from the event loop. */
    public List<String> of(String userId) {
        try {
            SessionServiceClient.Pins pins = sessions.pins(userId);
            return pins == null || pins.pins() == null ? List.of() : pins.pins();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 404) {
                Log.warnf("session-service answered %d for %s's pins; the optimizer is not told of any",
                        e.getResponse().getStatus(), userId);
            }
            return List.of();
        } catch (RuntimeException e) {
            Log.warnf("session-service unreachable (%s); the optimizer is not told of %s's pins", e.getMessage(), userId);
            return List.of();
        }
    }
}
