package ai.persona.session.service;

import ai.persona.runtime.problem.ProblemException;

/**
 * A requested page number as an index: a negative one is the first page (as before), one whose first row lies past
 * any offset PostgreSQL's paging takes ({@code page * size} beyond an int, which overflowed into a negative offset and a
 * 500) is the client's mistake.
 */
final class Pages {

    private Pages() {
    }

    static int index(int page, int size) {
        if ((long) page * size > Integer.MAX_VALUE) {
            throw ProblemException.badField("page", "page " + page + " with size " + size + " is past any stored row;"
                    + " page * size is at most " + Integer.MAX_VALUE);
        }
        return Math.max(page, 0);
    }
}
