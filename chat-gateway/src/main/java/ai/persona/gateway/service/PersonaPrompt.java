package ai.persona.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.config.GatewayConfig;
import ai.persona.model.PersonaRenderer;
import ai.persona.model.RenderedPersona;
import ai.persona.model.TokenCounter;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** The system message a persona becomes: the configured preamble, then the persona within its token budget. */
@ApplicationScoped
public class PersonaPrompt {

    private final PersonaRenderer renderer;
    private final String preamble;
    private final int tokenBudget;

    @Inject
    public PersonaPrompt(PersonaRenderer renderer, GatewayConfig config) {
        this(renderer, config.persona().preamble(), config.persona().tokenBudget());
    }

    PersonaPrompt(PersonaRenderer renderer, String preamble, int tokenBudget) {
        this.renderer = renderer;
        this.preamble = preamble;
        this.tokenBudget = tokenBudget;
    }

    /**
     * jtokkit reads its vocabulary on first use, which takes seconds: begun off the event loop as the gateway starts,
     * not in someone's first turn (where it blocked the event loop for about 3 s), and without delaying readiness.
     */
    void loadVocabulary(@Observes StartupEvent start) {
        Infrastructure.getDefaultWorkerPool().execute(() -> TokenCounter.count(preamble));
    }

    /** The system message and its size in tokens (o200k_base); empty when there is nothing to tell the model. */
    public record Text(String text, int tokens) {

        public static final Text EMPTY = new Text("", 0);
    }

    /** Null for an empty persona: then the model gets no system message from the gateway at all. */
    public String render(JsonNode persona) {
        RenderedPersona rendered = renderer.render(persona, tokenBudget);
        if (rendered.isEmpty()) {
            return null;
        }
        if (!rendered.droppedPaths().isEmpty()) {
            Log.debugf("persona over its %d-token budget; left out %s", tokenBudget, rendered.droppedPaths());
        }
        return head() + rendered.text();
    }

    /**
     * The system message within a budget that counts the preamble too, leaving out the same fields, in the same order,
     * as the chat turn's rendering does when over its own budget (never more than that budget). Empty when not even the
     * preamble and one field fit.
     */
    public Text within(JsonNode persona, int budget) {
        String head = head();
        int personaBudget = Math.min(tokenBudget, budget - TokenCounter.count(head));
        while (personaBudget > 0) {
            RenderedPersona rendered = renderer.render(persona, personaBudget);
            if (rendered.isEmpty()) {
                return Text.EMPTY;
            }
            String text = head + rendered.text();
            int tokens = TokenCounter.count(text);
            if (tokens <= budget) {
                return new Text(text, tokens);
            }
            // tokens may merge across the join of preamble and persona: ask the renderer for the difference less
            personaBudget -= tokens - budget;
        }
        return Text.EMPTY;
    }

    private String head() {
        return preamble + "\n\n";
    }
}
