package ai.persona.updater.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.events.ConversationCompleted;
import ai.persona.model.PersonaSchema;
import ai.persona.model.TokenCounter;
import ai.persona.model.guard.SensitiveDataPolicy;
import ai.persona.updater.config.UpdaterConfig;
import ai.persona.updater.llm.TranscriptRenderer.Cut;

/**
 * Builds the optimizer's input within the token budget, in either mode. Instructions, schema and persona are always sent
 * whole, and so is every turn while the batch fits. Over the budget the conversations give way, in this order:
 * assistant turns are shortened, longest first, then left out (user turns are the evidence), then user turns are
 * shortened, then the oldest messages are left out. The same input always gives the same prompt.
 */
@ApplicationScoped
public class OptimizerInputBuilder {

    // the chat format's own framing per message (role markers, separators), with headroom
    private static final int PER_MESSAGE_OVERHEAD = 8;
    private static final int MIN_ASSISTANT_CHARS = 200;
    private static final int MIN_USER_CHARS = 200;
    private static final int WHOLE = Integer.MAX_VALUE;

    private final ObjectMapper mapper;
    private final String schemaText;
    private final int budget;
    private final Map<OptimizerMode, Integer> fixedTokens = new EnumMap<>(OptimizerMode.class);

    public OptimizerInputBuilder(PersonaSchema schema, UpdaterConfig config, ObjectMapper mapper,
            SensitiveDataPolicy sensitiveData) {
        this.mapper = mapper;
        this.schemaText = SchemaText.of(schema, config.guardrails().fixedSections().orElse(List.of()));
        this.budget = config.optimizer().inputTokenBudget();
        // each mode's system message and user template around the variables, counted once
        for (OptimizerMode mode : OptimizerMode.values()) {
            String neverStore = sensitiveData.neverStoreInstruction();
            int tokens = TokenCounter.count(template(mode.systemResource(), neverStore))
                    + TokenCounter.count(template(mode.userResource(), neverStore));
            fixedTokens.put(mode, tokens + 2 * PER_MESSAGE_OVERHEAD);
        }
    }

    public int budget() {
        return budget;
    }

    /** @param pins the fields and sections the user pinned, listed after the persona as fixed (none: nothing added) */
    public OptimizerPrompt build(OptimizerMode mode, long version, JsonNode persona, List<String> pins,
            List<ConversationCompleted> sessions) {
        String personaText = personaText(persona) + pinnedText(pins);
        int available = budget - fixedTokens.get(mode) - TokenCounter.count(schemaText)
                - TokenCounter.count(personaText) - TokenCounter.count(Long.toString(version));
        TranscriptRenderer transcript = new TranscriptRenderer(sessions);
        Cut cut = new Cut(WHOLE, WHOLE, 0);
        String text = transcript.render(cut);
        String omitted = "";
        for (int chars = transcript.longestAssistantTurn() / 2; TokenCounter.count(text) > available
                && chars >= MIN_ASSISTANT_CHARS; chars /= 2) {
            cut = new Cut(chars, WHOLE, 0);
            text = transcript.render(cut);
            omitted = "assistant turns cut to " + chars + " characters";
        }
        if (TokenCounter.count(text) > available) {
            cut = new Cut(0, WHOLE, 0);
            text = transcript.render(cut);
            omitted = "assistant turns";
        }
        for (int chars = transcript.longestUserTurn() / 2; TokenCounter.count(text) > available
                && chars >= MIN_USER_CHARS; chars /= 2) {
            cut = new Cut(0, chars, 0);
            text = transcript.render(cut);
            omitted = "assistant turns, user turns cut to " + chars + " characters";
        }
        for (int dropped = 1; TokenCounter.count(text) > available && dropped <= transcript.turnCount(); dropped++) {
            cut = new Cut(0, cut.userChars(), dropped);
            text = transcript.render(cut);
            omitted = "assistant turns, user turns cut to " + cut.userChars() + " characters, " + dropped
                    + " oldest messages";
        }
        int tokens = budget - available + TokenCounter.count(text);
        return new OptimizerPrompt(mode, schemaText, version, personaText, text, tokens, omitted);
    }

    private String personaText(JsonNode persona) {
        if (persona == null || persona.isEmpty()) {
            return "{} (nothing is known about this user yet)";
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(persona);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a persona that cannot be written as JSON", e);
        }
    }

    /** A prompt template as the model receives it, its comments and Qute's markers removed, without its variables. */
    private static String template(String name, String neverStore) {
        return resource(name)
                .replaceAll("(?s)\\{!.*?!}\\R?", "")
                .replace("{neverStore}", neverStore)
                .replace("{|", "")
                .replace("|}", "")
                .replaceAll("\\{[a-zA-Z]+}", "");
    }

    /**
     * The pins, in the words of the system prompt's rule on them (optimizer-system.txt, rule 8), so a prompt without that
     * rule still reads right. Nothing when there are none: the paper's input is unchanged.
     */
    static String pinnedText(List<String> pins) {
        return pins.isEmpty() ? "" : "\n\nPinned by the user (fixed: never add, update or remove these): "
                + String.join(", ", pins);
    }

    private static String resource(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing prompt resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
