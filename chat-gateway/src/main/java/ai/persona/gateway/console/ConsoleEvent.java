package ai.persona.gateway.console;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import ai.persona.events.PersonaChanged;

/**
 * One server-sent event of GET /api/persona-changes: {@code connected} once the stream follows the user's changes,
 * {@code persona-changed} for each new version (what made it and when; the page reads the version itself through
 * /api/persona), and {@code heartbeat} now and then so proxies and the page can tell a quiet stream from a dead one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsoleEvent(String type, Long version, String source, Instant changedAt, List<String> sourceSessionIds) {

    public static ConsoleEvent connected() {
        return new ConsoleEvent("connected", null, null, null, null);
    }

    public static ConsoleEvent heartbeat() {
        return new ConsoleEvent("heartbeat", null, null, null, null);
    }

    public static ConsoleEvent of(PersonaChanged change) {
        return new ConsoleEvent("persona-changed", change.version(),
                change.source() == null ? null : change.source().name(), change.changedAt(),
                change.sourceSessionIds());
    }
}
