package ai.persona.runtime.problem;

import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import ai.persona.input.LogText;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error a service's API answers leaves as a {@link Problem}, written by {@link ProblemResponses}: 4xx for the
 * client's mistakes (a body that is not JSON for the request names the field at fault when there is one), 401 and 403
 * for credentials (authentication is lazy, {@code quarkus.http.auth.proactive=false}, so its failures reach these
 * mappers), 500 for ours, logged. Quarkus REST has no RFC 9457 support of its own and the Quarkiverse extension is not
 * built for this Quarkus version, so these few mappers are written by hand.
 */
public class ProblemMappers {

    private final ProblemResponses responses;

    public ProblemMappers(ProblemResponses responses) {
        this.responses = responses;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return responses.respond(e.toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = JsonFields.at(e);
        return responses.respond(Problem.of(400, "malformed-json", "Bad request",
                "the body is not valid JSON for this request: " + LogText.escape(e.getOriginalMessage()),
                uri.getPath(), field == null ? Map.of() : Map.of("field", field)));
    }

    // Quarkus maps this subtype itself (a plain JSON body); a mapper for the exact type takes precedence
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Response problem = responses.respond(Problem.of(401, "unauthenticated", "Unauthorized",
                "send a valid bearer token: Authorization: Bearer <JWT>", uri.getPath(), Map.of()));
        return Response.fromResponse(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return responses.respond(Problem.of(403, "forbidden", "Forbidden", "this caller may not use this endpoint",
                uri.getPath(), Map.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // Quarkus REST may report an unreadable body as a 400 wrapping Jackson's exception
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return responses.respond(Problem.of(status, "http-" + status,
                known == null ? "Error" : known.getReasonPhrase(), e.getMessage(), uri.getPath(), Map.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        return internal(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpectedChecked(Exception e, UriInfo uri) {
        return internal(e, uri);
    }

    /** A failure of ours: logged with its stack, answered without it. */
    public Response internal(Exception e, UriInfo uri) {
        Log.errorf(e, "unexpected failure on %s", LogText.escape(uri.getPath()));
        return responses.respond(Problem.of(500, "internal", "Internal server error", "the failure was logged",
                uri.getPath(), Map.of()));
    }
}
