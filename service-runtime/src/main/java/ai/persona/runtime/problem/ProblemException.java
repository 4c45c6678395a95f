package ai.persona.runtime.problem;

import java.util.List;
import java.util.Map;

import ai.persona.model.Violation;

/**
 * A request a service cannot serve, answered as a {@link Problem} by {@link ProblemMappers}: {@code type} names the
 * kind of problem stably (the last segment of the problem's type URI), the extensions carry machine-readable details.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String type, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.extensions = Map.copyOf(extensions);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad-request", "Bad request", detail, Map.of());
    }

    /** A bad value of one field of the request: {@code field} names it, for clients that point at the input. */
    public static ProblemException badField(String field, String detail) {
        return new ProblemException(400, "bad-request", "Bad request", detail, Map.of("field", field));
    }

    public static ProblemException notFound(String detail) {
        return notFound("not-found", detail);
    }

    public static ProblemException notFound(String type, String detail) {
        return new ProblemException(404, type, "Not found", detail, Map.of());
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "Conflict", detail, Map.of());
    }

    public static ProblemException staleVersion(long expected, long current) {
        return new ProblemException(412, "stale-version", "Precondition failed",
                "the persona is at version " + current + ", not " + expected, Map.of("currentVersion", current));
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "too-large", "Content too large", detail, Map.of());
    }

    public static ProblemException invalid(String detail, List<Violation> violations) {
        return new ProblemException(422, "invalid-persona", "Unprocessable content", detail,
                Map.of("violations", violations));
    }

    public static ProblemException versionRequired() {
        return new ProblemException(428, "if-match-required", "Precondition required",
                "send If-Match with the version you edited, as given in the ETag", Map.of());
    }

    /** Something this request needs is away for now: a 503, which the client is asked to retry. */
    public static ProblemException unavailable(String type, String detail) {
        return new ProblemException(503, type, "Service unavailable", detail, Map.of());
    }

    public Problem toProblem(String instance) {
        return Problem.of(status, type, title, getMessage(), instance, extensions);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
