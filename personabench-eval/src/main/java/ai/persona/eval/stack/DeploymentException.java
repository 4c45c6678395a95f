package ai.persona.eval.stack;

/** The deployment refused or could not be reached: the cell fails and is not recorded, so a rerun redoes it. */
public class DeploymentException extends RuntimeException {

    public DeploymentException(String message) {
        super(message);
    }

    public DeploymentException(String message, Throwable cause) {
        super(message, cause);
    }
}
