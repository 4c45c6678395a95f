package ai.persona.gateway.rest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestMulti;

import com.fasterxml.jackson.core.JsonProcessingException;

import ai.persona.model.PersonaJson;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A reply whose body the gateway writes itself: one JSON document, or server-sent events framed here
 * ({@code data: <json>\n\n}). The OpenAI API decides between the two by the request body's {@code stream}, not by the
 * Accept header that JAX-RS negotiates on (OpenAI clients send {@code Accept: application/json} either way). Such
 * endpoints declare no {@code @Produces}: Quarkus then streams the bytes as they are, and Content-Type comes from here.
 *
 * <p>{@link #respond} answers once the {@code Uni} has its item: until then nothing is written, so a failure (unknown
 * session, model down before its first chunk) still leaves with its own status through the exception mappers.</p>
 */
public record HttpReply(Map<String, List<String>> headers, Multi<byte[]> body) {

    public static final String EVENT_STREAM = "text/event-stream";

    public static HttpReply json(Object document, Map<String, String> extraHeaders) {
        Map<String, List<String>> headers = new java.util.HashMap<>();
        extraHeaders.forEach((name, value) -> headers.put(name, List.of(value)));
        headers.put("Content-Type", List.of("application/json"));
        return new HttpReply(headers, Multi.createFrom().item(bytes(document)));
    }

    /** Each event as a data frame, then {@code data: <trailer>} if given (OpenAI ends its streams with [DONE]). */
    public static HttpReply events(Multi<?> events, String trailer, Map<String, String> extraHeaders) {
        Map<String, List<String>> headers = new java.util.HashMap<>();
        extraHeaders.forEach((name, value) -> headers.put(name, List.of(value)));
        headers.put("Content-Type", List.of(EVENT_STREAM));
        headers.put("Cache-Control", List.of("no-cache"));
        // proxies such as nginx would otherwise hold the chunks back
        headers.put("X-Accel-Buffering", List.of("no"));
        Multi<byte[]> frames = events.map(event -> frame(new String(bytes(event), StandardCharsets.UTF_8)));
        if (trailer != null) {
            frames = Multi.createBy().concatenating().streams(frames, Multi.createFrom().item(frame(trailer)));
        }
        return new HttpReply(headers, frames);
    }

    public static RestMulti<byte[]> respond(Uni<HttpReply> reply) {
        return RestMulti.fromUniResponse(reply, HttpReply::body, HttpReply::headers, ignored -> 200);
    }

    private static byte[] frame(String data) {
        return ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Object document) {
        try {
            return PersonaJson.mapper().writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + document.getClass().getSimpleName(), e);
        }
    }
}
