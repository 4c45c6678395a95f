package ai.persona.session.rest;

import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import ai.persona.input.LogText;
import ai.persona.session.service.ProblemException;
import io.quarkus.logging.Log;

/**
 * Every error leaves as problem+json. Quarkus REST has no RFC 9457 support of its own and the Quarkiverse extension is not
 * built for this Quarkus version, so these few mappers are written by hand.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(Problem.of(e.status(), e.type(), e.title(), e.getMessage(), uri.getPath(), e.extensions()));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of(400, "malformed-json", "Bad request", "the body is not valid JSON for this request: "
                + LogText.escape(e.getOriginalMessage()), uri.getPath(), Map.of()));
    }

    // Quarkus maps this subtype itself (plain JSON body); a mapper for the exact type takes precedence.
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(Problem.of(status, "http-" + status, title, e.getMessage(), uri.getPath(), Map.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        Log.errorf(e, "unexpected failure on %s", LogText.escape(uri.getPath()));
        return respond(Problem.of(500, "internal", "Internal server error", "the failure was logged", uri.getPath(),
                Map.of()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
