package ai.persona.runtime.input;

import ai.persona.input.UserIds;
import ai.persona.runtime.problem.ProblemException;

/**
 * Checks the ids that arrive in paths, queries, headers, bodies and events by the rule every service shares
 * ({@link UserIds}), answering a broken one with a 400 problem that names it.
 */
public final class Ids {

    private Ids() {
    }

    /**
     * @param field the id's name as the client sent it ("userId", "sessionId", "X-Session-Id")
     * @return the id
     */
    public static String check(String field, String id) {
        UserIds.problem(id).ifPresent(problem -> {
            throw ProblemException.badField(field, field + " " + problem + "; an id is 1-" + UserIds.MAX_LENGTH
                    + " characters without slashes or control characters, not starting or ending with a space");
        });
        return id;
    }

    /** As {@link #check}, but an id not sent (null) stays null. */
    public static String checkIfSent(String field, String id) {
        return id == null ? null : check(field, id);
    }
}
