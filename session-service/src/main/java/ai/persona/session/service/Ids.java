package ai.persona.session.service;

import ai.persona.input.UserIds;
import ai.persona.runtime.problem.ProblemException;

/** Checks the user and session ids that arrive in paths, bodies and events, by the rule every service shares. */
public final class Ids {

    private Ids() {
    }

    /** @param field the id's name as the client sent it ("userId", "sessionId") */
    public static String check(String field, String id) {
        UserIds.problem(id).ifPresent(problem -> {
            throw ProblemException.badField(field, field + " " + problem + "; an id is 1-" + UserIds.MAX_LENGTH
                    + " characters without slashes or control characters, not starting or ending with a space");
        });
        return id;
    }
}
