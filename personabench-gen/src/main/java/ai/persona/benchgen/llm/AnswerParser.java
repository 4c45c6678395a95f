package ai.persona.benchgen.llm;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns a model's answer into the value its stage stores, or says why it cannot. */
@FunctionalInterface
public interface AnswerParser {

    JsonNode parse(String answer) throws InvalidAnswer;
}
