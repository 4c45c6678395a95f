package ai.persona.session.service;

import java.util.List;
import java.util.Map;

import ai.persona.model.Violation;

/**
 * A client's request that cannot be served, rendered as an RFC 9457 problem. The type names the problem kind stably; the
 * extensions carry machine-readable details (current version, violations).
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
        return new ProblemException(404, "not-found", "Not found", detail, Map.of());
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "Conflict", detail, Map.of());
    }

    public static ProblemException staleVersion(long expected, long current) {
        return new ProblemException(412, "stale-version", "Precondition failed",
                "the persona is at version " + current + ", not " + expected, Map.of("currentVersion", current));
    }

    public static ProblemException versionRequired() {
        return new ProblemException(428, "if-match-required", "Precondition required",
                "send If-Match with the version you edited, as given in the ETag", Map.of());
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "too-large", "Content too large", detail, Map.of());
    }

    public static ProblemException invalid(String detail, List<Violation> violations) {
        return new ProblemException(422, "invalid-persona", "Unprocessable content", detail,
                Map.of("violations", violations));
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
