package ai.persona.gateway.service;

import ai.persona.runtime.problem.ProblemException;

/**
 * The gateway's 503s, one per part a request may need that can be away: each a problem type of its own, so a client
 * (and docs/input-and-idempotency.md) can tell which part to wait for; every 503 carries {@code Retry-After}.
 */
public final class Unavailable {

    public static final String SESSION_STORE = "session-store-unavailable";

    private Unavailable() {
    }

    public static ProblemException llm(String detail) {
        return ProblemException.unavailable("llm-unavailable", detail);
    }

    public static ProblemException sessionStore(String detail) {
        return ProblemException.unavailable(SESSION_STORE, detail);
    }

    public static ProblemException learning(String detail) {
        return ProblemException.unavailable("learning-unavailable", detail);
    }
}
