package ai.persona.updater.service;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.events.ChatMessage;
import ai.persona.events.ConversationCompleted;
import ai.persona.events.MessageRole;
import ai.persona.model.PatchOperation;
import ai.persona.updater.config.UpdaterConfig;
import ai.persona.updater.llm.OptimizerMode;

/**
 * Cheap, deterministic checks that a new value is grounded in what the user wrote. Comparison ignores case, width and
 * whitespace. They do not catch paraphrases; the prompt's rules are the first line of defence, these are the backstop.
 * <ul>
 * <li>In every mode: a text value (or list item) that appears verbatim in the assistant's, the system's or a tool's text
 * of the batch but nowhere in the user's own messages is the assistant's statement, not the user's, and is rejected.
 * Values shorter than the configured minimum are not judged (a name, "INTJ" or a language is too common to prove
 * copying), nor are values the persona already holds (the system prompt repeats the persona).</li>
 * <li>In mode {@code conservative} only, which records only what the user said: a change whose reason says it is
 * inferred or guessed ("inferred", "likely", "推断", "可能"...) is rejected unless its value, or a passage its reason
 * quotes, is in the user's own words. Mode {@code paper} infers patterns and personality on purpose and accepts it.</li>
 * </ul>
 */
@ApplicationScoped
public class EvidenceCheck {

    // what a reason says when the model inferred rather than read a change; Chinese has no word boundaries
    private static final Pattern INFERENCE = Pattern.compile("\\b(infer\\w*|likely|probabl\\w*|presumabl\\w*|seems?"
            + "|appears? to|suggest(?:s|ed|ing)?|impl(?:y|ies|ied)|guess\\w*|assum\\w*|apparently|perhaps|maybe)\\b"
            + "|推断|推测|猜测|似乎|看起来|(?<!尽)可能|大概|估计|暗示|或许|想必");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"|“([^”]+)”|「([^」]+)」|『([^』]+)』|‘([^’]+)’");

    private final boolean enabled;
    private final int minChars;

    @Inject
    public EvidenceCheck(UpdaterConfig config) {
        this(config.guardrails().evidenceCheck(), config.guardrails().evidenceMinChars());
    }

    /** For the unit test, without configuration. */
    EvidenceCheck(boolean enabled, int minChars) {
        this.enabled = enabled;
        this.minChars = minChars;
    }

    public List<Finding> check(OptimizerMode mode, List<PatchOperation> operations, JsonNode persona,
            List<ConversationCompleted> sessions) {
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
                String value = trimmed(text);
                boolean judged = value.codePointCount(0, value.length()) >= minChars && !known.contains(value);
                if (judged && other.indexOf(value) >= 0 && user.indexOf(value) < 0) {
                    findings.add(new Finding(Finding.NOT_SAID_BY_USER, op.path(), "\"" + text + "\" is copied from the"
                            + " assistant's or system text and the user never wrote it; record only what the user said"));
                }
            }
            if (mode == OptimizerMode.CONSERVATIVE && op.value() != null) {
                inferred(op, user).ifPresent(findings::add);
            }
        }
        return findings;
    }

    private static Optional<Finding> inferred(PatchOperation op, CharSequence user) {
        Matcher marker = INFERENCE.matcher(op.reason() == null ? "" : op.reason().toLowerCase(Locale.ROOT));
        if (!marker.find()) {
            return Optional.empty();
        }
        List<String> grounds = new ArrayList<>(texts(op.value()));
        Matcher quote = QUOTED.matcher(op.reason());
        while (quote.find()) {
            for (int group = 1; group <= quote.groupCount(); group++) {
                if (quote.group(group) != null) {
                    grounds.add(quote.group(group));
                }
            }
        }
        String userText = user.toString();
        if (grounds.stream().map(EvidenceCheck::trimmed).anyMatch(g -> !g.isEmpty() && userText.contains(g))) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Finding.INFERRED, op.path(), "the reason says this is inferred (\""
                + marker.group() + "\") and quotes nothing the user wrote; record only what the user said about"
                + " themselves, quoting it in the reason, or drop the change"));
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

    /** Normalized, without surrounding punctuation: the model's framing ("a nurse." vs "as a nurse, you…"). */
    private static String trimmed(String text) {
        return normalize(text).replaceAll("^[\\p{P}\\s]+|[\\p{P}\\s]+$", "");
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("\\s+", " ").strip();
    }
}
