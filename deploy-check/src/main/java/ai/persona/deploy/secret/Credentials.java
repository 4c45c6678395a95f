package ai.persona.deploy.secret;

import java.util.regex.Pattern;

/** What names a credential, in a ConfigMap key or an environment variable: it belongs in a Secret, never committed. */
public final class Credentials {

    private static final Pattern CREDENTIAL_NAME =
            Pattern.compile("(?i).*(password|passwd|secret|token|api[-_]?key|private[-_]?key).*");

    private Credentials() {
    }

    public static boolean namesACredential(String name) {
        return CREDENTIAL_NAME.matcher(name).matches();
    }
}
