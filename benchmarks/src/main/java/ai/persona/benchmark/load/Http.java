package ai.persona.benchmark.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.model.PersonaJson;

/**
 * The load generator's HTTP client: asynchronous, so hundreds of requests can be in flight from a few threads, and
 * timed from the moment a request was due (not sent), so a slow server cannot hide its queueing from the figures.
 */
public final class Http {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(8))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    public CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Completes with the time the first data event arrived, then drains the rest of the stream. */
    public CompletableFuture<Long> firstEvent(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApplyAsync(response -> {
                    try (InputStream body = response.body()) {
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("stream answered " + response.statusCode() + ": "
                                    + new String(body.readAllBytes(), StandardCharsets.UTF_8));
                        }
                        long first = 0;
                        byte[] buffer = new byte[8192];
                        int read;
                        while ((read = body.read(buffer)) >= 0) {
                            if (first == 0 && read > 0) {
                                first = System.nanoTime();
                            }
                        }
                        return first;
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    public JsonNode json(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? PersonaJson.mapper().createObjectNode()
                    : PersonaJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }
}
