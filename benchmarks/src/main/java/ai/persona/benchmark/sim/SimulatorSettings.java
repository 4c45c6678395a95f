package ai.persona.benchmark.sim;

import java.time.Duration;

/**
 * How the LLM simulator behaves, so that the model's own time is known and can be subtracted.
 *
 * @param latency time to the whole answer of a non-streamed request
 * @param firstToken time to the first chunk of a streamed one
 * @param tokensPerSecond pace of the following chunks (one token each)
 */
public record SimulatorSettings(Duration latency, Duration firstToken, int tokensPerSecond, int replyTokens) {

    public static SimulatorSettings of(Duration latency) {
        return new SimulatorSettings(latency, latency, 200, 20);
    }
}
