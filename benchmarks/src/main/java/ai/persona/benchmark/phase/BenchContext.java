package ai.persona.benchmark.phase;

import java.util.UUID;

import ai.persona.benchmark.load.GatewayUser;
import ai.persona.benchmark.load.Http;
import ai.persona.benchmark.sim.LlmSimulator;
import ai.persona.infra.stack.LocalStack;

/** What every phase works with: the stack, the simulator in front of it, one HTTP client and a fresh run id. */
public record BenchContext(LocalStack stack, LlmSimulator simulator, Http http, String runId, String model) {

    /** @param model the chat model the gateway is configured with, which OpenAI clients name */
    public static BenchContext of(LocalStack stack, LlmSimulator simulator, String model) {
        return new BenchContext(stack, simulator, new Http(), UUID.randomUUID().toString().substring(0, 8), model);
    }

    public GatewayUser newUser(String prefix) {
        String userId = "bench-" + runId + "-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new GatewayUser(stack.gatewayUrl(), userId, stack.tokenFor(userId), http, reply());
    }

    /** The simulator's fixed chat reply, which clients of the stateless API resend. */
    public String reply() {
        return "好的。".repeat(Math.max(1, simulator.settings().replyTokens() / 2));
    }

    public long simulatedMillis() {
        return simulator.settings().latency().toMillis();
    }
}
