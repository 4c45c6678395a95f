package ai.persona.eval.run;

import ai.persona.eval.llm.Usage;

/**
 * The judge's pairwise preference between a learner's first reply and the golden cohort's in the same scene.
 *
 * @param winner {@code learning}, {@code golden}, {@code tie}, or null when the verdict stayed unparsable
 * @param learningWasA the learner's reply was shown as A (the order alternates to cancel position bias)
 */
public record PairVerdict(int personaIndex, String persona, String setting, int sceneNumber, String winner,
        boolean learningWasA, Usage usage) {
}
