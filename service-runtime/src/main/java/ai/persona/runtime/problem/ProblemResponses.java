package ai.persona.runtime.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.quarkus.arc.DefaultBean;

/**
 * Writes a {@link Problem} as the HTTP answer: application/problem+json, and on a 503 the {@code Retry-After} that
 * docs/events.md promises for a part that is away. A service whose API promises another error shape on some paths
 * (the gateway's OpenAI-compatible {@code /v1}) replaces this bean with a subclass.
 */
@DefaultBean
@ApplicationScoped
public class ProblemResponses {

    /** Seconds a client is asked to wait before retrying a 503: a restarting service is back within a few. */
    public static final int RETRY_AFTER_SECONDS = 2;

    public Response respond(Problem problem) {
        return status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    /** The status line and the headers that go with it, whatever the body's shape. */
    protected static Response.ResponseBuilder status(int status) {
        Response.ResponseBuilder response = Response.status(status);
        if (status == 503) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response;
    }
}
