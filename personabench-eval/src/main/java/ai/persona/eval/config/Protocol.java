package ai.persona.eval.config;

import java.util.Locale;

/**
 * How the evaluation is run. {@code paper} follows the paper and its authors' released code (github
 * tml1026/Lifelong-Personalized-Agent) where they say how; {@code strict} is this tool's earlier, stricter protocol,
 * kept so that older results can be reproduced and compared.
 *
 * @param learningStart what a learner's persona holds before its first session
 * @param sceneInPrompt whether the assistant gets the paper's chatbot prompt (framing, scene, APIs) as a leading
 *        system message in every setting
 * @param judgeReference whether the judge of first replies sees the scene's expected response
 */
public record Protocol(Kind kind, LearningStart learningStart, boolean sceneInPrompt, JudgeReference judgeReference) {

    public enum Kind {
        PAPER,
        STRICT
    }

    /** The part of the golden persona a learner is given before it learns anything. */
    public enum LearningStart {
        EMPTY,
        DEMOGRAPHICS,
        GOLDEN
    }

    public enum JudgeReference {
        EXPECTED,
        NONE
    }

    /** The protocol with each switch left unset (null) taking the protocol's own default. */
    public static Protocol of(Kind kind, LearningStart learningStart, Boolean sceneInPrompt,
            JudgeReference judgeReference) {
        boolean paper = kind == Kind.PAPER;
        return new Protocol(kind,
                learningStart != null ? learningStart : paper ? LearningStart.DEMOGRAPHICS : LearningStart.EMPTY,
                sceneInPrompt != null ? sceneInPrompt : paper,
                judgeReference != null ? judgeReference : JudgeReference.EXPECTED);
    }

    public boolean paper() {
        return kind == Kind.PAPER;
    }

    /** The switches as a command line would give them, for the dry run and the report. */
    public String describe() {
        return "--protocol " + id(kind) + " --learning-start " + id(learningStart)
                + (sceneInPrompt ? " --scene-in-prompt" : " --no-scene-in-prompt")
                + " --judge-reference " + id(judgeReference);
    }

    static String id(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
