package ai.persona.gateway.rest;

import java.io.IOException;
import java.util.Map;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import ai.persona.gateway.openai.OpenAiError;
import ai.persona.gateway.service.GatewayException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpClosedException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error leaves in the shape its API promises: OpenAI's error body on /v1 (OpenAI clients read their message from
 * it), RFC 9457 problem+json everywhere else. A client's mistake is never a 500.
 */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response gateway(GatewayException e, UriInfo uri) {
        return respond(uri, e.status(), e.code(), e.title(), e.getMessage(), e.extensions());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(uri, 400, "malformed-json", "Bad request",
                "the body is not valid JSON for this request: " + e.getOriginalMessage(), Map.of());
    }

    // Quarkus maps this subtype itself; a mapper for the exact type takes precedence
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(uri, 401, "unauthenticated", "Unauthorized",
                "send a valid bearer token: Authorization: Bearer <JWT>", Map.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(uri, 403, "forbidden", "Forbidden", "not allowed", Map.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return respond(uri, status, "http-" + status, known == null ? "Error" : known.getReasonPhrase(),
                e.getMessage(), Map.of());
    }

    // what a failed call to session-service looks like when it never got an answer
    @ServerExceptionMapper
    public Response unreachable(ProcessingException e, UriInfo uri) {
        Log.warnf("session-service unreachable on %s: %s", uri.getPath(), e.getMessage());
        return respond(uri, 503, "session-store-unavailable", "Service unavailable",
                "the session store cannot be reached; try again", Map.of());
    }

    // a connection that failed below the REST client (refused, reset, closed mid-answer) arrives as a checked
    // IOException or as Vert.x's HttpClosedException, not as a ProcessingException: still the store being away
    @ServerExceptionMapper({ IOException.class, HttpClosedException.class })
    public Response connectionLost(Exception e, UriInfo uri) {
        Log.warnf("session-service connection lost on %s: %s", uri.getPath(), e.toString());
        return respond(uri, 503, "session-store-unavailable", "Service unavailable",
                "the session store cannot be reached; try again", Map.of());
    }

    @ServerExceptionMapper
    public Response unexpectedChecked(Exception e, UriInfo uri) {
        Log.errorf(e, "unexpected failure on %s", uri.getPath());
        return respond(uri, 500, "internal", "Internal server error", "the failure was logged", Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        Log.errorf(e, "unexpected failure on %s", uri.getPath());
        return respond(uri, 500, "internal", "Internal server error", "the failure was logged", Map.of());
    }

    private static Response respond(UriInfo uri, int status, String code, String title, String detail,
            Map<String, Object> extensions) {
        String path = uri.getPath();
        if (path.startsWith("/v1/") || path.equals("/v1")) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(OpenAiError.of(status, code.replace('-', '_'), detail)).build();
        }
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, code, title, detail, path, extensions)).build();
    }
}
