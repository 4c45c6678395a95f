package ai.persona.updater.service;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.events.ChatMessage;
import ai.persona.events.ConversationCompleted;
import ai.persona.events.MessageRole;
import ai.persona.model.PatchOperation;
import ai.persona.updater.config.UpdaterConfig;

/**
 * A cheap, deterministic check that a new value is grounded in what the user wrote: a text value (or list item) that
 * appears verbatim in the assistant's, the system's or a tool's text of the batch but nowhere in the user's own messages
 * is the assistant's statement, not the user's, and is rejected. Comparison ignores case, width and whitespace. Values
 * shorter than the configured minimum are not judged (a name, "INTJ" or a language is too common to prove copying), nor
 * are values the persona already holds (the system prompt repeats the persona). It does not catch paraphrases; the
 * prompt's rules are the first line of defence, this is the backstop for the plain copy.
 */
@ApplicationScoped
public class EvidenceCheck {

    private final boolean enabled;
    private final int minChars;

    public EvidenceCheck(UpdaterConfig config) {
        this.enabled = config.guardrails().evidenceCheck();
        this.minChars = config.guardrails().evidenceMinChars();
    }

    public List<Finding> check(List<PatchOperation> operations, JsonNode persona, List<ConversationCompleted> sessions) {
        if (!enabled || operations.isEmpty()) {
            return List.of();
        }
        StringBuilder user = new StringBuilder();
        StringBuilder other = new StringBuilder();
        for (ConversationCompleted session : sessions) {
            for (ChatMessage message : session.messages()) {
                StringBuilder target = message.role() == MessageRole.USER ? user : other;
                target.append(normalize(message.content())).append('\n');
                message.toolCalls().forEach(call -> other.append(normalize(call.arguments())).append('\n'));
            }
        }
        Set<String> known = new HashSet<>();
        persona.forEach(section -> section.forEach(value -> texts(value).forEach(t -> known.add(normalize(t)))));
        List<Finding> findings = new ArrayList<>();
        for (PatchOperation op : operations) {
            for (String text : texts(op.value())) {
                // surrounding punctuation is the model's framing ("a nurse." vs "as a nurse, you…"), not content
                String value = normalize(text).replaceAll("^[\\p{P}\\s]+|[\\p{P}\\s]+$", "");
                boolean judged = value.codePointCount(0, value.length()) >= minChars && !known.contains(value);
                if (judged && other.indexOf(value) >= 0 && user.indexOf(value) < 0) {
                    findings.add(new Finding(Finding.NOT_SAID_BY_USER, op.path(), "\"" + text + "\" is copied from the"
                            + " assistant's or system text and the user never wrote it; record only what the user said"));
                }
            }
        }
        return findings;
    }

    private static List<String> texts(JsonNode value) {
        List<String> texts = new ArrayList<>();
        if (value != null && value.isTextual()) {
            texts.add(value.textValue());
        } else if (value != null && value.isArray()) {
            value.forEach(item -> texts.addAll(texts(item)));
        }
        return texts;
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("\\s+", " ").strip();
    }
}
