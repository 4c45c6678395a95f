package ai.persona.gateway.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Stream plumbing shared by both chat APIs. */
public final class Streams {

    private Streams() {
    }

    /**
     * The stream, handed over once its first item (or its end) has arrived. A streamed HTTP reply commits its status
     * with the first byte; waiting for the model's first chunk lets a model that is down still get its own status
     * (503) instead of a 200 followed by an error event. The source runs once: the replay keeps the items that arrived
     * while the caller was not yet subscribed.
     */
    public static <T> Uni<Multi<T>> started(Multi<T> source) {
        Multi<T> replay = Multi.createBy().replaying().ofMulti(source);
        return replay.toUni()
                .replaceWith(replay);
    }
}
