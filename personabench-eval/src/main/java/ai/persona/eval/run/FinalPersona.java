package ai.persona.eval.run;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.eval.llm.Usage;

/** A learner's persona at the end of its scenes, and how close the judge found it to the golden one. */
public record FinalPersona(int personaIndex, String persona, String setting, long version, JsonNode learned,
        Integer consistency, Integer detail, boolean missing, Usage usage, Integer similarity) {

    /** The figure of Table 1: the holistic score (paper protocol), else the mean of consistency and detail. */
    public Double score() {
        if (similarity != null) {
            return similarity.doubleValue();
        }
        return consistency == null || detail == null ? null : (consistency + detail) / 2.0;
    }
}
