package ai.persona.updater.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Wakes whoever waits for a user's persona to pass a version, as soon as a snapshot past it is stored, instead of them
 * polling the database. In-process only: it learns of the snapshots this instance stores (PersonaChanged it consumed,
 * refreshes it made), so a waiter checks the database itself after registering and again when its wait runs out.
 */
@ApplicationScoped
public class PersonaVersionSignals {

    private record Waiter(long pastVersion, CompletableFuture<Long> reached) {
    }

    // per user, who waits for which version. A set changes only inside compute, so a user's entry is added and dropped
    // atomically with their first and last waiter (none is kept once nobody waits); concurrent so waiting() can read it
    private final ConcurrentMap<String, Set<Waiter>> waiting = new ConcurrentHashMap<>();

    /**
     * Completes with the stored version once one above {@code version} is signalled for the user. Cancel it when no
     * longer waiting: cancelling (as completing) removes the registration.
     */
    public CompletableFuture<Long> past(String userId, long version) {
        Waiter waiter = new Waiter(version, new CompletableFuture<>());
        waiting.compute(userId, (user, waiters) -> {
            Set<Waiter> set = waiters != null ? waiters : ConcurrentHashMap.newKeySet();
            set.add(waiter);
            return set;
        });
        waiter.reached().whenComplete((reachedVersion, failure) -> remove(userId, waiter));
        return waiter.reached();
    }

    /** The user's snapshot is now at {@code version}: committed, so a waiter that wakes up reads it. */
    public void reached(String userId, long version) {
        List<Waiter> due = new ArrayList<>();
        waiting.computeIfPresent(userId, (user, waiters) -> {
            waiters.removeIf(waiter -> waiter.pastVersion() < version && due.add(waiter));
            return waiters.isEmpty() ? null : waiters;
        });
        // completed outside compute: completion runs the waiter's callbacks, which must not re-enter the map's lock
        due.forEach(waiter -> waiter.reached().complete(version));
    }

    /** Registrations held for the user right now (0 once nobody waits). */
    public int waiting(String userId) {
        Set<Waiter> waiters = waiting.get(userId);
        return waiters == null ? 0 : waiters.size();
    }

    private void remove(String userId, Waiter waiter) {
        waiting.computeIfPresent(userId, (user, waiters) -> {
            waiters.remove(waiter);
            return waiters.isEmpty() ? null : waiters;
        });
    }
}
