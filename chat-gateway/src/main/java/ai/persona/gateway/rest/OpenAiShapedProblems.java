package ai.persona.gateway.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.openai.OpenAiError;
import ai.persona.runtime.problem.Problem;
import ai.persona.runtime.problem.ProblemResponses;

/**
 * Every problem leaves in the shape its API promises: OpenAI's error body on /v1 (OpenAI clients read their message
 * and the field at fault, {@code param}, from it), RFC 9457 problem+json everywhere else, as in the other services.
 */
@ApplicationScoped
public class OpenAiShapedProblems extends ProblemResponses {

    @Override
    public Response respond(Problem problem) {
        String path = problem.instance();
        if (path == null || !(path.startsWith("/v1/") || path.equals("/v1"))) {
            return super.respond(problem);
        }
        OpenAiError error = OpenAiError.of(problem.status(), problem.typeName().replace('-', '_'), problem.detail(),
                field(problem));
        return status(problem.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error)
                .build();
    }

    // the field at fault: named here, or relayed from session-service's problem (a JSON string there)
    private static String field(Problem problem) {
        Object field = problem.extensions().get("field");
        return field instanceof JsonNode node ? node.asText() : field == null ? null : field.toString();
    }
}
