package ai.persona.gateway.rest;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import ai.persona.gateway.openai.OpenAiError;
import ai.persona.gateway.service.GatewayException;
import ai.persona.input.LogText;
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

    /** Seconds a client is asked to wait before retrying a 503: a restarting service is back within a few. */
    static final int RETRY_AFTER_SECONDS = 2;

    @ServerExceptionMapper
    public Response gateway(GatewayException e, UriInfo uri) {
        return respond(uri, e.status(), e.code(), e.title(), e.getMessage(), e.extensions());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(uri, 400, "malformed-json", "Bad request",
                "the body is not valid JSON for this request: " + LogText.escape(e.getOriginalMessage()), Map.of());
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
        return storeAway(e, uri);
    }

    // a connection that failed below the REST client (refused: java.net.ConnectException, Netty's
    // AnnotatedConnectException; reset; closed mid-answer) arrives as a checked IOException or as Vert.x's
    // HttpClosedException, not as a ProcessingException: still the store being away
    @ServerExceptionMapper({ IOException.class, HttpClosedException.class })
    public Response connectionLost(Exception e, UriInfo uri) {
        return storeAway(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpectedChecked(Exception e, UriInfo uri) {
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        return unexpected((Exception) e, uri);
    }

    // a lost connection may also come wrapped (CompletionException, a Mutiny composite): still a 503, not a 500
    private static Response unexpected(Exception e, UriInfo uri) {
        if (connectionFailure(e)) {
            return storeAway(e, uri);
        }
        Log.errorf(e, "unexpected failure on %s", LogText.escape(uri.getPath()));
        return respond(uri, 500, "internal", "Internal server error", "the failure was logged", Map.of());
    }

    // logged here, once per failed request, as a warning without a stack: an outage is not a bug
    private static Response storeAway(Exception e, UriInfo uri) {
        Log.warnf("session-service unreachable on %s: %s", LogText.escape(uri.getPath()), e.toString());
        return respond(uri, 503, "session-store-unavailable", "Service unavailable",
                "the session store cannot be reached; try again", Map.of());
    }

    private static boolean connectionFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException || cause instanceof HttpClosedException
                    || cause instanceof ProcessingException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    // the field at fault: named here, or relayed from session-service's problem (a JSON string there)
    private static String field(Map<String, Object> extensions) {
        Object field = extensions.get("field");
        return field instanceof JsonNode node ? node.asText() : field == null ? null : field.toString();
    }

    private static Response respond(UriInfo uri, int status, String code, String title, String detail,
            Map<String, Object> extensions) {
        String path = uri.getPath();
        Response.ResponseBuilder response = Response.status(status);
        if (status == 503) {
            // what docs/events.md promises for a part that is away: try again, after a short pause
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        if (path.startsWith("/v1/") || path.equals("/v1")) {
            return response.type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(OpenAiError.of(status, code.replace('-', '_'), detail, field(extensions))).build();
        }
        return response.type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, code, title, detail, path, extensions)).build();
    }
}
