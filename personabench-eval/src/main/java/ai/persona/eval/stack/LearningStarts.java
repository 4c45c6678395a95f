package ai.persona.eval.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.eval.config.Protocol.LearningStart;
import ai.persona.model.PersonaJson;

/**
 * The persona a learner is given before its first session. The paper's released code (unified_main.py) starts the
 * learning run from the persona and never lets the optimizer change Demographics; {@code demographics} gives the
 * golden Demographics section only, so the rest has to be learned.
 */
final class LearningStarts {

    static final String DEMOGRAPHICS = "Demographics";

    private LearningStarts() {
    }

    /** Null: nothing to import (the empty start). */
    static JsonNode of(LearningStart start, JsonNode golden) {
        return switch (start) {
            case EMPTY -> null;
            case GOLDEN -> golden;
            case DEMOGRAPHICS -> {
                ObjectNode part = PersonaJson.mapper().createObjectNode();
                if (golden.has(DEMOGRAPHICS)) {
                    part.set(DEMOGRAPHICS, golden.get(DEMOGRAPHICS).deepCopy());
                }
                yield part.isEmpty() ? null : part;
            }
        };
    }
}
