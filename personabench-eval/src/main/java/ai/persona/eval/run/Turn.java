package ai.persona.eval.run;

/** One message of a played scene as the simulated user saw it, or a tool call and its result. */
public record Turn(String role, String content) {

    public static Turn user(String content) {
        return new Turn("user", content);
    }

    public static Turn assistant(String content) {
        return new Turn("assistant", content);
    }

    public static Turn tool(String name, String arguments, String result) {
        return new Turn("tool", name + "(" + arguments + ") -> " + result);
    }
}
