package ai.persona.model;

/**
 * One field a section declares.
 *
 * @param priority 1 (kept longest) to 5 (dropped first) when a rendering must shrink to its token budget
 * @param temporary whether a value may be set for a while only (an operation's {@code until}): a state such as "in Tokyo
 *        this month" rather than a lasting trait. Absent in a schema means false
 */
public record FieldSpec(String name, ValueType type, int priority, boolean temporary) {

    public FieldSpec(String name, ValueType type, int priority) {
        this(name, type, priority, false);
    }

    /** Fields the optimizer adds to an open section rank below every declared one. */
    public static final int ADDED_FIELD_PRIORITY = 6;

    public FieldSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a field needs a name");
        }
        type = type == null ? ValueType.ANY : type;
        priority = priority <= 0 ? 3 : priority;
    }

    static FieldSpec added(String name, boolean temporary) {
        return new FieldSpec(name, ValueType.ANY, ADDED_FIELD_PRIORITY, temporary);
    }
}
