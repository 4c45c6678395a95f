package ai.persona.gateway.console;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.events.PersonaChanged;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * The persona changes this instance hears on persona.changed.v1, passed on in-process to whoever follows one user's
 * changes (the console's event stream). A hot stream: a follower sees the changes that arrive after it subscribed;
 * what came before, it reads from the persona history. Every instance reads the whole topic, so a follower connected
 * to any instance sees every change of its user.
 */
@ApplicationScoped
public class PersonaChanges {

    // a follower that reads slowly gets the newest changes buffered; more than this many and it is failed (the page
    // reconnects and reads the history again)
    private static final int BUFFER_PER_FOLLOWER = 64;

    // keyed by the record's key, the user id the topic is partitioned and compacted by
    private record Change(String userId, PersonaChanged change) {
    }

    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();

    public void publish(String userId, PersonaChanged change) {
        changes.onNext(new Change(userId, change));
    }

    /** The user's changes from now on; never another user's. */
    public Multi<PersonaChanged> of(String userId) {
        return changes
                .filter(change -> userId.equals(change.userId()))
                .map(Change::change)
                .onOverflow().buffer(BUFFER_PER_FOLLOWER);
    }
}
