package ai.persona.eval.run;

/**
 * One cell of the evaluation: a persona's scene played in one setting.
 *
 * @param sceneNumber 1-based position of the scene in the persona's played order: the user's session number
 */
public record CellKey(int personaIndex, String persona, String setting, int sceneNumber) {

    public String id() {
        return personaIndex + "|" + setting + "|" + sceneNumber;
    }
}
