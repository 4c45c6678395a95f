package ai.persona.updater.rest;

/** A request the API refuses, with the problem type and status it answers with. */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;

    public ApiProblem(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "invalid-request", "Bad request", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not-found", "Not found", detail);
    }

    public static ApiProblem conflict(String type, String detail) {
        return new ApiProblem(409, type, "Conflict", detail);
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
}
