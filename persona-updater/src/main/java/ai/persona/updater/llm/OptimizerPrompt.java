package ai.persona.updater.llm;

/**
 * The optimizer's input, rendered and trimmed to the token budget.
 *
 * @param mode which prompt it is sent with
 * @param tokens the request's estimated size (instructions included), in o200k tokens
 * @param omitted what trimming left out or shortened, for the logs; empty when everything fit
 */
public record OptimizerPrompt(OptimizerMode mode, String schema, long version, String persona, String sessions,
        int tokens, String omitted) {
}
