package ai.persona.runtime.problem;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem details body, the error shape of every service's API: {@code type} is a URI whose last segment
 * names the kind of problem stably, {@code instance} the request path; extension members (a {@code field} at fault, a
 * {@code currentVersion}, {@code violations}) are written beside the standard ones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record Problem(String type, String title, int status, String detail, String instance,
        @JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://ai-persona.dev/problems/";

    public Problem {
        extensions = extensions == null ? Map.of() : extensions;
    }

    /** @param type the kind of problem, a short name such as {@code bad-request}, made a URI here */
    public static Problem of(int status, String type, String title, String detail, String instance,
            Map<String, Object> extensions) {
        return new Problem(TYPE_BASE + type, title, status, detail, instance, extensions);
    }

    /** The short name of the kind of problem: {@code bad-request} for {@code .../problems/bad-request}. */
    public String typeName() {
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
