package ai.persona.updater.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An RFC 9457 problem details body. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://ai-persona.dev/problems/";

    public static Problem of(int status, String type, String title, String detail, String instance) {
        return new Problem(TYPE_BASE + type, title, status, detail, instance);
    }
}
