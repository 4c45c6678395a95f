package ai.persona.benchgen.llm;

/** A model's answer that fails its stage's validation; the message is the reason recorded when the unit is dropped. */
public class InvalidAnswer extends Exception {

    public InvalidAnswer(String reason) {
        super(reason);
    }
}
