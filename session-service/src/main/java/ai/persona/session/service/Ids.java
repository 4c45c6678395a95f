package ai.persona.session.service;

import java.util.regex.Pattern;

/** Checks the user and session ids that arrive in paths and bodies. */
final class Ids {

    // JWT subjects and client session ids vary (UUIDs, emails, provider ids); refuse only what cannot be an id.
    private static final Pattern VALID = Pattern.compile("[^\\p{Cntrl}/\\s]{1,200}");

    private Ids() {
    }

    static String check(String kind, String id) {
        if (id == null || !VALID.matcher(id).matches()) {
            throw ProblemException.badRequest(kind + " must be 1-200 characters without spaces, slashes or control characters");
        }
        return id;
    }
}
