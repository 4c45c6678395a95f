package ai.persona.model.guard;

import ai.persona.model.Violation;
import ai.persona.model.ViolationReason;

/**
 * A proposed value or reason that falls in a sensitive category. Holds where, never what: the value itself must not
 * reach a log, a rejection reason or a metric.
 *
 * @param category the category's name
 * @param path the operation's JSON Pointer
 * @param inReason whether it was the operation's reason rather than its value
 */
public record SensitiveFinding(String category, String path, boolean inReason) {

    public Violation toViolation() {
        return new Violation(ViolationReason.SENSITIVE_DATA, path, "the " + (inReason ? "reason" : "value")
                + " holds data of the category '" + category + "', which a persona never stores");
    }
}
