package ai.persona.session.rest;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An RFC 9457 problem details body; extension members are written beside the standard ones. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record Problem(String type, String title, int status, String detail, String instance,
        @JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://ai-persona.dev/problems/";

    public static Problem of(int status, String type, String title, String detail, String instance,
            Map<String, Object> extensions) {
        return new Problem(TYPE_BASE + type, title, status, detail, instance, extensions);
    }
}
