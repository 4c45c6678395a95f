package ai.persona.model.guard;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.model.PatchOperation;

/**
 * Finds sensitive data in what a patch would write: every string in an operation's value (lists and objects included)
 * and its reason, since reasons are kept in the persona's history too.
 */
public final class SensitiveDataDetector {

    private final Map<String, KeywordMatcher> keywordCategories = new LinkedHashMap<>();
    private final boolean patternsOn;

    public SensitiveDataDetector(SensitiveDataPolicy policy) {
        boolean anyAlwaysOn = false;
        for (SensitiveCategory category : policy.enabled()) {
            if (category.alwaysOn()) {
                anyAlwaysOn = true;
            } else {
                keywordCategories.put(category.name(), new KeywordMatcher(category.keywords()));
            }
        }
        this.patternsOn = anyAlwaysOn;
    }

    /** The first category the text falls in; always-on ones are looked for first. */
    public Optional<String> categoryOf(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC);
        Optional<String> pattern = patternsOn ? PatternChecks.find(normalised) : Optional.empty();
        if (pattern.isPresent()) {
            return pattern;
        }
        return keywordCategories.entrySet().stream()
                .filter(e -> e.getValue().matches(normalised))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** At most one finding per operation and part (value, reason): the first category found. */
    public List<SensitiveFinding> scan(List<PatchOperation> operations) {
        List<SensitiveFinding> findings = new ArrayList<>();
        for (PatchOperation op : operations) {
            if (op.isRemoval() || op.isGuard()) {
                continue;
            }
            inValue(op.value()).ifPresent(c -> findings.add(new SensitiveFinding(c, op.path(), false)));
            categoryOf(op.reason()).ifPresent(c -> findings.add(new SensitiveFinding(c, op.path(), true)));
        }
        return findings;
    }

    private Optional<String> inValue(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isTextual()) {
            return categoryOf(value.textValue());
        }
        if (value.isNumber()) {
            return categoryOf(value.asText());
        }
        for (JsonNode item : value) {
            Optional<String> found = inValue(item);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
