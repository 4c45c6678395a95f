package ai.persona.benchmark.phase;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import ai.persona.benchmark.load.GatewayUser;
import ai.persona.benchmark.load.Http;
import ai.persona.benchmark.load.PacedLoad;
import ai.persona.benchmark.load.PacedLoad.Turn;
import ai.persona.infra.stack.LocalStack;

/**
 * P1: what the gateway adds to a chat turn. Each level runs the same paced load through the native API, the
 * OpenAI-compatible API (whole and streamed: time to first token) and, as the baseline, straight to the simulator.
 * Overhead is the measured latency less the simulator's configured latency (or time to first token).
 */
public final class OverheadPhase {

    public static final List<String> VARIANTS = List.of("native", "openai", "openai-stream", "direct", "direct-stream");

    /** One variant at one level: raw latency and the overhead (raw less the simulated model's time). */
    public record Row(String variant, int sessions, Percentiles raw, Percentiles overhead, int failed,
            String firstFailure) {
    }

    private final BenchContext bench;
    private final Duration interval;
    private final Duration warmup;
    private final Duration measured;
    private final FootprintSampler footprint;

    public OverheadPhase(BenchContext bench, Duration interval, Duration warmup, Duration measured,
            FootprintSampler footprint) {
        this.bench = bench;
        this.interval = interval;
        this.warmup = warmup;
        this.measured = measured;
        this.footprint = footprint;
    }

    public List<Row> run(List<Integer> levels) throws InterruptedException {
        List<Row> rows = new ArrayList<>();
        String model = bench.model();
        warmUp(model);
        int highest = levels.stream().mapToInt(Integer::intValue).max().orElse(1);
        for (int level : levels) {
            for (String variant : VARIANTS) {
                List<Turn> sessions = new ArrayList<>();
                for (int i = 0; i < level; i++) {
                    sessions.add(turn(variant, model));
                }
                if (level == highest && variant.equals("native")) {
                    footprint.sampleUnderLoad(LocalStack.GATEWAY, LocalStack.SESSION_SERVICE, LocalStack.UPDATER);
                }
                PacedLoad.Result result = PacedLoad.run(sessions, interval, warmup, measured);
                footprint.stopSampling();
                Percentiles raw = Percentiles.of(result.latencyMicros());
                double simulated = variant.endsWith("stream") ? bench.simulator().settings().firstToken().toMillis()
                        : bench.simulatedMillis();
                rows.add(new Row(variant, level, raw, raw.minus(simulated), result.failed(), result.firstFailure()));
            }
        }
        return rows;
    }

    // the services start cold: without this, the first level would measure the JIT compiler and empty pools
    private void warmUp(String model) throws InterruptedException {
        List<Turn> sessions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sessions.add(turn(VARIANTS.get(i % 3), model));
        }
        PacedLoad.run(sessions, interval.dividedBy(4), Duration.ZERO, measured);
    }

    private Turn turn(String variant, String model) {
        if (variant.startsWith("direct")) {
            boolean stream = variant.endsWith("stream");
            String body = "{\"model\":\"sim\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":"
                    + "\"你好，今天推荐什么茶？\"}]}";
            HttpRequest request = Http.request(bench.simulator().baseUrl() + "chat/completions", null)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return stream ? () -> bench.http().firstEvent(request) : () -> whole(bench.http().send(request));
        }
        GatewayUser user = bench.newUser("p1");
        String session = user.openSession();
        return switch (variant) {
            case "native" -> () -> whole(bench.http().send(user.nativeTurn(session, "今天推荐什么茶？")));
            case "openai" -> () -> whole(bench.http().send(user.openAiTurn(session, model, "今天推荐什么茶？", false)));
            default -> () -> bench.http().firstEvent(user.openAiTurn(session, model, "今天推荐什么茶？", true));
        };
    }

    private static CompletableFuture<Long> whole(CompletableFuture<HttpResponse<String>> response) {
        return response.thenApply(r -> {
            if (r.statusCode() != 200) {
                throw new IllegalStateException("answered " + r.statusCode() + ": " + r.body());
            }
            return System.nanoTime();
        });
    }
}
