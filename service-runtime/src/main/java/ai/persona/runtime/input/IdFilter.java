package ai.persona.runtime.input;

import java.util.List;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every user or session id in a path or query is checked before any resource sees it, in each service, so none
 * reaches the database or a log line unchecked: a NUL would fail in PostgreSQL (a 500), a newline would forge a log
 * line. (The gateway's own ids, in {@code {id}} and its headers, are checked by its {@code InputIds} too.)
 */
public class IdFilter {

    private static final List<String> ID_PARAMETERS = List.of("userId", "sessionId");

    @ServerRequestFilter
    public void checkIds(UriInfo uri) {
        for (String name : ID_PARAMETERS) {
            Ids.checkIfSent(name, uri.getPathParameters().getFirst(name));
            Ids.checkIfSent(name, uri.getQueryParameters().getFirst(name));
        }
    }
}
