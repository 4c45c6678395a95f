package ai.persona.deploy;

/**
 * One thing wrong with the manifests.
 *
 * @param where the file and resource concerned, e.g. {@code services/session-service.yaml Deployment/session-service}
 * @param message what is wrong, in words an operator can act on
 */
public record Finding(String where, String message) {

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
