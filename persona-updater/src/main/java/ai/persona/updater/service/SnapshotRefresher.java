package ai.persona.updater.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ai.persona.events.PersonaChanged;
import ai.persona.updater.client.SessionServiceClient;
import io.quarkus.logging.Log;

/**
 * Brings a user's snapshot up to session-service's current version before the optimizer runs. The PersonaChanged topic
 * keeps snapshots current, but asynchronously: a user who finishes three sessions quickly after an update would
 * otherwise be optimized against the version before it, and the patch, touching a field changed since, be parked.
 * When session-service cannot be reached the snapshot is used as it is; its stale-base check keeps that safe.
 */
@ApplicationScoped
public class SnapshotRefresher {

    private final SessionServiceClient sessions;
    private final SnapshotService snapshots;

    public SnapshotRefresher(@RestClient SessionServiceClient sessions, SnapshotService snapshots) {
        this.sessions = sessions;
        this.snapshots = snapshots;
    }

    /** Blocking: called from the optimizer's worker thread, never from the event loop. */
    public void refresh(String userId) {
        SessionServiceClient.CurrentPersona current;
        try {
            current = sessions.current(userId);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 404) {
                Log.warnf("session-service answered %d for %s's persona; using the snapshot", e.getResponse().getStatus(),
                        userId);
            }
            return;
        } catch (RuntimeException e) {
            Log.warnf("session-service unreachable (%s); using %s's snapshot", e.getMessage(), userId);
            return;
        }
        PersonaChanged asEvent = new PersonaChanged(PersonaChanged.VERSION, userId, current.version(), null,
                current.persona(), null, null, List.of(), Instant.now());
        BatchProcessor.await(() -> snapshots.apply(asEvent));
    }
}
