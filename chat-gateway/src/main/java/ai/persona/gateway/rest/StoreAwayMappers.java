package ai.persona.gateway.rest;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import ai.persona.gateway.service.Unavailable;
import ai.persona.input.LogText;
import ai.persona.runtime.problem.Problem;
import ai.persona.runtime.problem.ProblemMappers;
import ai.persona.runtime.problem.ProblemResponses;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpClosedException;

/**
 * A call to session-service that never got an answer is the session store being away, a 503 with {@code Retry-After},
 * not the gateway failing: the gateway's one addition to the shared {@link ProblemMappers}, whose 500 for an
 * unexpected failure it takes over (a higher priority) to look for a lost connection wrapped inside first.
 */
public class StoreAwayMappers {

    private final ProblemResponses responses;
    private final ProblemMappers problems;

    public StoreAwayMappers(ProblemResponses responses, ProblemMappers problems) {
        this.responses = responses;
        this.problems = problems;
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

    // a lost connection may also come wrapped (CompletionException, a Mutiny composite): still a 503, not a 500
    @ServerExceptionMapper(priority = Priorities.USER - 1)
    public Response unexpected(RuntimeException e, UriInfo uri) {
        return connectionFailure(e) ? storeAway(e, uri) : problems.internal(e, uri);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 1)
    public Response unexpectedChecked(Exception e, UriInfo uri) {
        return connectionFailure(e) ? storeAway(e, uri) : problems.internal(e, uri);
    }

    // logged here, once per failed request, as a warning without a stack: an outage is not a bug
    private Response storeAway(Exception e, UriInfo uri) {
        Log.warnf("session-service unreachable on %s: %s", LogText.escape(uri.getPath()), e.toString());
        return responses.respond(Problem.of(503, Unavailable.SESSION_STORE, "Service unavailable",
                "the session store cannot be reached; try again", uri.getPath(), Map.of()));
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
}
