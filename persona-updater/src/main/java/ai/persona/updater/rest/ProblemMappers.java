package ai.persona.updater.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.logging.Log;

/**
 * Every error leaves as application/problem+json (RFC 9457): 4xx for the client's mistakes, 500 for ours. Quarkus REST
 * has no problem-details support of its own, so these few mappers are written here.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ApiProblem e, UriInfo uri) {
        return respond(Problem.of(e.status(), e.type(), e.title(), e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of(400, "malformed-json", "Bad request",
                "the body is not valid JSON for this request: " + e.getOriginalMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // Quarkus REST reports an unreadable body as a 400 wrapping Jackson's exception
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return respond(Problem.of(status, "http-" + status, known == null ? "Error" : known.getReasonPhrase(),
                e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        Log.errorf(e, "unexpected failure on %s", uri.getPath());
        return respond(Problem.of(500, "internal", "Internal server error", "the failure was logged", uri.getPath()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
