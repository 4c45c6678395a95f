package ai.persona.updater.service;

import ai.persona.model.Violation;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Why a model's answer was not accepted: a {@link ai.persona.model.ViolationReason} name from the shared model, or one of
 * the updater's own codes below.
 *
 * @param path the JSON Pointer concerned; empty for the whole answer
 */
@RegisterForReflection
public record Finding(String code, String path, String message) {

    public static final String MALFORMED_OUTPUT = "MALFORMED_OUTPUT";
    public static final String NOT_SAID_BY_USER = "NOT_SAID_BY_USER";
    /** Mode conservative: a change its reason calls inferred or guessed, quoting nothing the user wrote. */
    public static final String INFERRED = "INFERRED";
    /** A change to a section this deployment fixes (persona-updater.guardrails.fixed-sections). */
    public static final String FIXED_SECTION = "FIXED_SECTION";
    public static final String DUPLICATE_FIELD = "DUPLICATE_FIELD";
    public static final String LLM_REJECTED = "LLM_REJECTED";

    public static Finding of(Violation violation) {
        return new Finding(violation.reason().name(), violation.path(), violation.message());
    }

    @Override
    public String toString() {
        return code + (path.isEmpty() ? "" : " at " + path) + ": " + message;
    }
}
