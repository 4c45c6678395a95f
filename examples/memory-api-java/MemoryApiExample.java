import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * An app that talks to its own model and uses AI Persona as its memory, with nothing but the JDK (Java 17+):
 *
 * <pre>
 * GATEWAY_URL=http://localhost:8080 PERSONA_TOKEN=$token java MemoryApiExample.java
 * </pre>
 *
 * 1. Before a conversation: fetch the user's persona as system-prompt text (GET /api/persona/prompt).
 * 2. Talk to your own model with it (stood in for here by a fixed reply).
 * 3. After the conversation: hand it over (POST /api/conversations); every three recorded conversations the persona
 *    is learned again.
 * 4. Next time: revalidate the prompt with its ETag; 304 means the text you hold is still current.
 */
public class MemoryApiExample {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String gateway = System.getenv().getOrDefault("GATEWAY_URL", "http://localhost:8080");
        String token = System.getenv("PERSONA_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("set PERSONA_TOKEN to the user's bearer token");
            System.exit(2);
        }

        // 1. the persona as text for the system prompt, at most 400 tokens of it
        HttpResponse<String> prompt = send(HttpRequest.newBuilder(URI.create(gateway + "/api/persona/prompt?budget=400"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/plain")
                .GET());
        String etag = prompt.headers().firstValue("ETag").orElse("\"0\"");
        System.out.println("prompt: " + prompt.statusCode() + ", persona version " + etag + ", "
                + prompt.body().length() + " characters");

        // 2. your model call goes here, with systemPrompt ahead of your own instructions
        String systemPrompt = prompt.body().isEmpty() ? "You are a helpful assistant." : prompt.body();
        String question = "Can you suggest a weekend hike? I prefer short answers.";
        String answer = "Try the ridge loop: 12 km, 3 hours, views all the way.";

        // 3. hand the finished conversation over; the client id makes a retried post count once
        String clientId = args.length > 0 ? args[0] : "example-" + UUID.randomUUID();
        String conversation = "{\"clientId\":" + json(clientId) + ",\"messages\":["
                + message("system", systemPrompt) + "," + message("user", question) + ","
                + message("assistant", answer) + "]}";
        HttpResponse<String> recorded = send(HttpRequest.newBuilder(URI.create(gateway + "/api/conversations"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(conversation)));
        System.out.println("conversation: " + recorded.statusCode() + " " + recorded.body());
        if (recorded.statusCode() != 201 && recorded.statusCode() != 200) {
            System.exit(1);
        }

        // 4. later: is the prompt held still current?
        HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(gateway + "/api/persona/prompt?budget=400"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/plain")
                .header("If-None-Match", etag)
                .GET());
        System.out.println("revalidated: " + again.statusCode()
                + (again.statusCode() == 304 ? " (unchanged)" : " (new version " + again.headers().firstValue("ETag")
                        .orElse("?") + ")"));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String message(String role, String content) {
        return "{\"role\":" + json(role) + ",\"content\":" + json(content) + "}";
    }

    /** A JSON string literal (the JDK has no JSON library; a real app would use its own). */
    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
