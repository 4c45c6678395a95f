package ai.persona.updater.llm;

import java.io.IOException;

import jakarta.ws.rs.WebApplicationException;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;

/** Sorts a failed model call into "try again later" and "the request itself is refused". */
final class LlmFailures {

    private LlmFailures() {
    }

    static RuntimeException classify(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RateLimitException || t instanceof InternalServerException
                    || t instanceof dev.langchain4j.exception.TimeoutException) {
                return unavailable(failure);
            }
            if (t instanceof AuthenticationException || t instanceof InvalidRequestException
                    || t instanceof ModelNotFoundException) {
                return rejected(failure);
            }
            if (t instanceof HttpException http) {
                return byStatus(http.statusCode(), failure);
            }
            if (t instanceof WebApplicationException web) {
                return byStatus(web.getResponse().getStatus(), failure);
            }
            if (t instanceof IOException || t instanceof java.util.concurrent.TimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return unavailable(failure);
            }
        }
        // Unknown failures (e.g. an unreadable response body) are retried later rather than dropping the batch; the
        // sweeper's growing backoff keeps a persistent one from hammering the endpoint.
        return unavailable(failure);
    }

    private static RuntimeException byStatus(int status, RuntimeException failure) {
        return status == 408 || status == 429 || status >= 500 ? unavailable(failure) : rejected(failure);
    }

    private static LlmUnavailableException unavailable(RuntimeException failure) {
        return new LlmUnavailableException("the optimizer model is unavailable: " + failure.getMessage(), failure);
    }

    private static LlmRejectedException rejected(RuntimeException failure) {
        return new LlmRejectedException("the optimizer model refused the request: " + failure.getMessage(), failure);
    }
}
