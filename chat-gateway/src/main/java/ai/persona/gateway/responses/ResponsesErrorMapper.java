package ai.persona.gateway.responses;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import ai.persona.gateway.openai.OpenAiError;

/** {@link InvalidResponsesRequest} in OpenAI's error shape, with the field it names as {@code param}. */
public class ResponsesErrorMapper {

    @ServerExceptionMapper
    public Response invalid(InvalidResponsesRequest e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body(e)).build();
    }

    static OpenAiError body(InvalidResponsesRequest e) {
        OpenAiError.Body shaped = OpenAiError.of(e.status(), e.code(), e.getMessage()).error();
        return new OpenAiError(new OpenAiError.Body(shaped.message(), shaped.type(), e.param(), shaped.code()));
    }
}
