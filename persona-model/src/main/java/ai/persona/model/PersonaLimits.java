package ai.persona.model;

/**
 * Bounds every persona and patch is held to, so that a model's bad output cannot bloat or wipe a persona.
 *
 * @param maxValueChars longest string value or list item, in characters
 * @param maxListItems most items in a list value
 * @param maxOperations most operations in one patch (test guards not counted)
 * @param maxRemovals most remove operations in one patch
 * @param maxPersonaTokens the rendered persona's size, in tokens, that it must not exceed
 */
public record PersonaLimits(int maxValueChars, int maxListItems, int maxOperations, int maxRemovals,
        int maxPersonaTokens) {

    /**
     * What a model's proposed patch is held to unless configured otherwise ({@code persona.optimizer.*}), the one home
     * of these defaults: conservative, as the paper's optimizer prompt asks for few, small changes per batch.
     */
    public static PersonaLimits defaults() {
        return new PersonaLimits(500, 30, 20, 3, 1500);
    }

    /**
     * What a person's own edit is held to unless configured otherwise ({@code persona.user-edit.*}): the same value
     * and size bounds, but they may change much at once and may empty their persona.
     */
    public static PersonaLimits userEditDefaults() {
        PersonaLimits model = defaults();
        return new PersonaLimits(model.maxValueChars(), model.maxListItems(), 200, 200, model.maxPersonaTokens());
    }

    public PersonaLimits {
        if (maxValueChars <= 0 || maxListItems <= 0 || maxOperations <= 0 || maxRemovals < 0 || maxPersonaTokens <= 0) {
            throw new IllegalArgumentException("persona limits must be positive");
        }
    }
}
