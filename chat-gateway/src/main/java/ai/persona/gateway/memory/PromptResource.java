package ai.persona.gateway.memory;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import ai.persona.gateway.auth.CurrentUser;
import ai.persona.gateway.service.PersonaCache;
import ai.persona.gateway.service.PersonaPrompt;
import ai.persona.runtime.problem.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * The memory API's read side: the token's user's persona as the text a chat turn through the gateway gets in its
 * system message, for an app to put in its own. Served from the persona cache, so it can be asked on every request;
 * its ETag is the persona's version, so a client that keeps the text revalidates with If-None-Match for a 304.
 */
@Path("/api/persona/prompt")
@Authenticated
public class PromptResource {

    /**
     * @param text the system prompt text; empty when the user has no persona yet (version 0) or nothing fits
     * @param tokens its size in tokens (o200k_base)
     * @param version the persona version it renders
     */
    public record PersonaPromptText(String text, int tokens, long version) {
    }

    private final CurrentUser user;
    private final PersonaCache personas;
    private final PersonaPrompt prompts;

    public PromptResource(CurrentUser user, PersonaCache personas, PersonaPrompt prompts) {
        this.user = user;
        this.personas = personas;
        this.prompts = prompts;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN })
    @Operation(summary = "My persona as system-prompt text: {text, tokens, version}, or the text alone with Accept: "
            + "text/plain. ETag = persona version (If-None-Match: 304); version 0 and empty text before any persona")
    @APIResponse(responseCode = "200", description = "the prompt text")
    @APIResponse(responseCode = "304", description = "the persona version named in If-None-Match is still current")
    @APIResponse(responseCode = "400", description = "budget is not a whole number of at least 1")
    public Uni<Response> prompt(
            @Parameter(description = "the most tokens the text may take; whole fields are left out, least important "
                    + "first") @QueryParam("budget") String budget,
            @Context Request request, @Context HttpHeaders headers) {
        String userId = user.actingFor();
        int tokens = budget(budget);
        boolean plain = wantsPlainText(headers);
        return personas.get(userId)
                .map(entry -> {
                    EntityTag tag = new EntityTag(Long.toString(entry.version()));
                    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
                    Response.ResponseBuilder response = notModified != null ? notModified
                            : body(prompts.within(entry.persona(), tokens), entry.version(), plain);
                    return response.tag(tag)
                            .cacheControl(revalidate())
                            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                            .build();
                });
    }

    private static Response.ResponseBuilder body(PersonaPrompt.Text fitted, long version, boolean plain) {
        return plain
                ? Response.ok(fitted.text(), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                : Response.ok(new PersonaPromptText(fitted.text(), fitted.tokens(), version),
                        MediaType.APPLICATION_JSON_TYPE);
    }

    // text/plain when the client prefers it to JSON; */* and no Accept get JSON
    private static boolean wantsPlainText(HttpHeaders headers) {
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (acceptable.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (acceptable.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
                return true;
            }
        }
        return false;
    }

    // no budget: the chat turn's own, which within() never exceeds
    private static int budget(String budget) {
        if (budget == null) {
            return Integer.MAX_VALUE;
        }
        try {
            int tokens = Integer.parseInt(budget.trim());
            if (tokens >= 1) {
                return tokens;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ProblemException(400, "bad-request", "Bad request", "budget must be a whole number of tokens, at "
                + "least 1, not \"" + budget + "\"", Map.of("field", "budget"));
    }

    // per user, and to be checked on every use: the persona changes whenever the user's next batch is learned from
    private static CacheControl revalidate() {
        CacheControl control = new CacheControl();
        control.setPrivate(true);
        control.setNoCache(true);
        return control;
    }
}
