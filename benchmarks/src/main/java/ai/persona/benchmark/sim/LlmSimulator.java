package ai.persona.benchmark.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import ai.persona.benchmark.sim.SimulatorStats.Kind;
import ai.persona.model.PersonaJson;
import ai.persona.model.TokenCounter;

/**
 * An OpenAI-compatible {@code /v1/chat/completions} with a known latency: answers after exactly the configured time,
 * or streams its first token after the configured delay and the rest at a fixed pace. The gateway's requests get a
 * short reply; the updater's optimizer requests get a small, valid change set. Token counts are the o200k counts of
 * what was asked and answered, so the upkeep figures come from real prompts.
 */
public final class LlmSimulator implements AutoCloseable {

    public static final String OPTIMIZER_MARK = "You maintain the long-term persona";
    /** A chat request whose last user message carries {@code probe:<id>} has its system message's tokens recorded. */
    public static final Pattern PROBE = Pattern.compile("probe:([\\w-]+)");

    private final HttpServer server;
    private final ExecutorService workers;
    private final SimulatorSettings settings;
    private final SimulatorStats stats = new SimulatorStats();
    private final OptimizerAnswers optimizer = new OptimizerAnswers();
    private final AtomicLong ids = new AtomicLong();

    public LlmSimulator(SimulatorSettings settings) throws IOException {
        // without TCP_NODELAY the JDK server's small responses wait on the client's delayed ACK: ~40 ms that would
        // pass for the gateway's overhead (measured: direct p50 93 ms for a 50 ms latency before this)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.settings = settings;
        // a thread per request in flight: the latency is a sleep, and 200 sessions must not queue behind each other
        this.workers = Executors.newFixedThreadPool(512);
        this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 1024);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    /** Ends in {@code /v1/}, as quarkus-langchain4j wants it. */
    public String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort() + "/v1/";
    }

    public SimulatorSettings settings() {
        return settings;
    }

    public SimulatorStats stats() {
        return stats;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            JsonNode request = PersonaJson.mapper().readTree(in);
            String system = text(request, "system");
            if (system.contains(OPTIMIZER_MARK)) {
                String answer = optimizer.next(request.toString());
                stats.record(Kind.OPTIMIZER, TokenCounter.count(request.path("messages").toString()),
                        TokenCounter.count(answer));
                sleep(settings.latency().toMillis());
                whole(exchange, answer);
                return;
            }
            Matcher probe = PROBE.matcher(lastUser(request));
            if (probe.find()) {
                stats.probe(probe.group(1), firstSystemMessage(request));
            }
            String reply = "好的。".repeat(Math.max(1, settings.replyTokens() / 2));
            stats.record(Kind.CHAT, TokenCounter.count(request.path("messages").toString()), TokenCounter.count(reply));
            if (request.path("stream").asBoolean(false)) {
                streamed(exchange, reply);
            } else {
                sleep(settings.latency().toMillis());
                whole(exchange, reply);
            }
        } finally {
            exchange.close();
        }
    }

    private void whole(HttpExchange exchange, String content) throws IOException {
        String body = "{\"id\":\"sim-" + ids.incrementAndGet() + "\",\"object\":\"chat.completion\",\"created\":0,"
                + "\"model\":\"sim\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + PersonaJson.mapper().writeValueAsString(content) + "},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":0,\"completion_tokens\":0,\"total_tokens\":0}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void streamed(HttpExchange exchange, String content) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        long id = ids.incrementAndGet();
        sleep(settings.firstToken().toMillis());
        long pause = 1000L / Math.max(1, settings.tokensPerSecond());
        for (int i = 0; i < content.length(); i++) {
            if (i > 0) {
                sleep(pause);
            }
            out.write(chunk(id, PersonaJson.mapper().writeValueAsString(String.valueOf(content.charAt(i))), "null"));
            out.flush();
        }
        out.write(chunk(id, "\"\"", "\"stop\""));
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static byte[] chunk(long id, String content, String finish) {
        return ("data: {\"id\":\"sim-" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"sim\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":" + content
                + "},\"finish_reason\":" + finish + "}]}\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String firstSystemMessage(JsonNode request) {
        JsonNode first = request.path("messages").path(0);
        return first.path("role").asText().equals("system") ? first.path("content").asText() : "";
    }

    private static String lastUser(JsonNode request) {
        String last = "";
        for (JsonNode message : request.path("messages")) {
            if (message.path("role").asText().equals("user")) {
                last = message.path("content").asText();
            }
        }
        return last;
    }

    private static String text(JsonNode request, String role) {
        StringBuilder text = new StringBuilder();
        for (JsonNode message : request.path("messages")) {
            if (message.path("role").asText().equals(role)) {
                text.append(message.path("content").asText());
            }
        }
        return text.toString();
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
