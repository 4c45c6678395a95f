package ai.persona.session.rest;

import java.util.List;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import ai.persona.session.service.Ids;

/**
 * Every id in a path is checked before any resource sees it, so none reaches the database or a log line unchecked: a NUL
 * would fail in PostgreSQL (a 500), a newline would forge a log line.
 */
public class IdFilter {

    private static final List<String> ID_PARAMETERS = List.of("userId", "sessionId");

    @ServerRequestFilter
    public void checkIds(UriInfo uri) {
        for (String name : ID_PARAMETERS) {
            String value = uri.getPathParameters().getFirst(name);
            if (value != null) {
                Ids.check(name, value);
            }
        }
    }
}
