package ai.persona.gateway.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import ai.persona.gateway.openai.ChatCompletions;
import ai.persona.runtime.input.Ids;

/**
 * Every id a client sends (a session id in a path or in X-Session-Id, an Idempotency-Key) is held to the rule
 * session-service applies too, before any resource sees it: refused here with a problem naming it, rather than
 * relayed, recorded in an event that session-service would dead-letter, or logged with a forged line in it.
 */
public class InputIds {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @ServerRequestFilter
    public void checkIds(UriInfo uri, HttpHeaders headers) {
        check("sessionId", uri.getPathParameters().getFirst("id"));
        check(ChatCompletions.SESSION_HEADER, headers.getHeaderString(ChatCompletions.SESSION_HEADER));
        check(IDEMPOTENCY_KEY, headers.getHeaderString(IDEMPOTENCY_KEY));
    }

    /** @return the id; null stays null (not sent) */
    public static String check(String field, String id) {
        return Ids.checkIfSent(field, id);
    }
}
