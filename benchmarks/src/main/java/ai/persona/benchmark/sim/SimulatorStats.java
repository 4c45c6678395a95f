package ai.persona.benchmark.sim;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the simulator served, per kind of caller: chat (the gateway) and optimizer (the updater). */
public final class SimulatorStats {

    public enum Kind {
        CHAT,
        OPTIMIZER
    }

    private final Map<Kind, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<Kind, LongAdder> inputTokens = new ConcurrentHashMap<>();
    private final Map<Kind, LongAdder> outputTokens = new ConcurrentHashMap<>();
    // the personalization context of a chat request: tokens of the system message the gateway put first
    private final Map<String, String> contextByProbe = new ConcurrentHashMap<>();

    void record(Kind kind, long in, long out) {
        calls.computeIfAbsent(kind, k -> new LongAdder()).increment();
        inputTokens.computeIfAbsent(kind, k -> new LongAdder()).add(in);
        outputTokens.computeIfAbsent(kind, k -> new LongAdder()).add(out);
    }

    void probe(String marker, String systemMessage) {
        contextByProbe.put(marker, systemMessage);
    }

    public long calls(Kind kind) {
        return sum(calls, kind);
    }

    public long inputTokens(Kind kind) {
        return sum(inputTokens, kind);
    }

    public long outputTokens(Kind kind) {
        return sum(outputTokens, kind);
    }

    /** The system message ("" for none) of the chat request whose last user message contained the marker. */
    public String context(String marker) {
        return contextByProbe.get(marker);
    }

    private static long sum(Map<Kind, LongAdder> values, Kind kind) {
        LongAdder adder = values.get(kind);
        return adder == null ? 0 : adder.sum();
    }
}
