package ai.persona.model;

/**
 * One field a section declares.
 *
 * @param priority 1 (kept longest) to 5 (dropped first) when a rendering must shrink to its token budget
 */
public record FieldSpec(String name, ValueType type, int priority) {

    /** Fields the optimizer adds to an open section rank below every declared one. */
    public static final int ADDED_FIELD_PRIORITY = 6;

    public FieldSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a field needs a name");
        }
        type = type == null ? ValueType.ANY : type;
        priority = priority <= 0 ? 3 : priority;
    }

    static FieldSpec added(String name) {
        return new FieldSpec(name, ValueType.ANY, ADDED_FIELD_PRIORITY);
    }
}
