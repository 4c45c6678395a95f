package ai.persona.session.service;

import java.util.regex.Pattern;

/** Checks the user and session ids that arrive in paths and bodies. */
final class Ids {

    // JWT subjects and client session ids vary (UUIDs, emails, provider ids, SAML name ids such as
    // "samlp|corp|CN=Ann Lee"), so refuse only what cannot be an id: control characters, a slash (an id travels as a
    // path segment, and %2F there is decoded or refused by many servers and proxies) and a space at either end (a
    // copy-and-paste slip; spaces only would look empty).
    private static final Pattern VALID = Pattern.compile("(?! )[^\\p{Cntrl}/]{1,200}(?<! )");

    private Ids() {
    }

    static String check(String kind, String id) {
        if (id == null || !VALID.matcher(id).matches()) {
            throw ProblemException.badRequest(kind + " must be 1-200 characters without slashes or control characters,"
                    + " not starting or ending with a space");
        }
        return id;
    }
}
