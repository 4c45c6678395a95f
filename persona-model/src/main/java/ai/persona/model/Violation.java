package ai.persona.model;

/** One precise reason a persona or patch was rejected, with the JSON Pointer it concerns (empty for the whole). */
public record Violation(ViolationReason reason, String path, String message) {

    @Override
    public String toString() {
        return reason + (path.isEmpty() ? "" : " at " + path) + ": " + message;
    }
}
