package ai.persona.gateway.rest;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem details body, the error shape of /api; extension members are written beside the standard ones. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        @JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://ai-persona.dev/problems/";

    public static Problem of(int status, String code, String title, String detail, String instance,
            Map<String, Object> extensions) {
        return new Problem(TYPE_BASE + code, title, status, detail, instance, extensions);
    }
}
