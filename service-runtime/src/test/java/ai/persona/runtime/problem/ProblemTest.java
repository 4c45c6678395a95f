package ai.persona.runtime.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.core.JsonProcessingException;

import ai.persona.model.PersonaJson;

class ProblemTest {

    record Message(String role, String content) {
    }

    record Conversation(List<Message> messages) {
    }

    @Test
    void extensionsAreWrittenBesideTheStandardMembersAndMissingOnesAreLeftOut() {
        Problem problem = ProblemException.badField("content", "content is empty").toProblem("/sessions/s1");

        JsonNode json = PersonaJson.mapper().valueToTree(problem);

        assertThat(json.path("type").asText()).isEqualTo("https://ai-persona.dev/problems/bad-request");
        assertThat(json.path("title").asText()).isEqualTo("Bad request");
        assertThat(json.path("status").asInt()).isEqualTo(400);
        assertThat(json.path("detail").asText()).isEqualTo("content is empty");
        assertThat(json.path("instance").asText()).isEqualTo("/sessions/s1");
        assertThat(json.path("field").asText()).isEqualTo("content");
        assertThat(json.has("extensions")).isFalse();
        assertThat(PersonaJson.mapper().valueToTree(Problem.of(500, "internal", "Internal server error", null, null,
                null)).has("detail")).isFalse();
    }

    @Test
    void aStaleVersionCarriesTheCurrentOneAndItsTypeNameIsTheLastSegment() {
        Problem problem = ProblemException.staleVersion(3, 5).toProblem("/users/u/persona");

        assertThat(problem.status()).isEqualTo(412);
        assertThat(problem.typeName()).isEqualTo("stale-version");
        assertThat(problem.extensions()).isEqualTo(Map.of("currentVersion", 5L));
    }

    @Test
    void anUnreadableBodyNamesTheFieldAtFaultAsClientsNameIt() {
        MismatchedInputException failure = readFailure(
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"user\",\"content\":{}}]}");

        assertThat(JsonFields.at(failure)).isEqualTo("messages[1].content");
    }

    @Test
    void aBodyThatIsNotJsonNamesNoField() {
        try {
            PersonaJson.mapper().readValue("{not json", Conversation.class);
        } catch (JsonProcessingException e) {
            assertThat(JsonFields.at(e)).isNull();
            return;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aServiceUnavailableAsksTheClientToRetryAfterTwoSeconds() {
        Response unavailable = new ProblemResponses().respond(
                ProblemException.unavailable("llm-unavailable", "down").toProblem("/api/x"));
        Response notFound = new ProblemResponses().respond(ProblemException.notFound("gone").toProblem("/api/x"));

        assertThat(unavailable.getStatus()).isEqualTo(503);
        assertThat(unavailable.getHeaderString("Retry-After")).isEqualTo("2");
        assertThat(unavailable.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(notFound.getHeaderString("Retry-After")).isNull();
    }

    private static MismatchedInputException readFailure(String json) {
        try {
            PersonaJson.mapper().readValue(json, Conversation.class);
        } catch (MismatchedInputException e) {
            return e;
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a mismatch", e);
        }
        throw new AssertionError("not refused");
    }
}
