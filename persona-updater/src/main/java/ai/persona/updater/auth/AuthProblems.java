package ai.persona.updater.auth;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import ai.persona.updater.rest.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * A call without a valid service token is a 401 problem, one whose caller may not use the endpoint a 403 problem
 * (authentication is lazy, {@code quarkus.http.auth.proactive=false}, so its failures reach these mappers).
 */
public class AuthProblems {

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Problem problem = Problem.of(401, "unauthenticated", "Unauthorized",
                "send a service token of a caller of this service: Authorization: Bearer <JWT>", uri.getPath());
        return Response.status(401).type(Problem.MEDIA_TYPE).entity(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        Problem problem = Problem.of(403, "forbidden", "Forbidden", "this caller may not use this endpoint",
                uri.getPath());
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
