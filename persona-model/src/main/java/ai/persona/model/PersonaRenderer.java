package ai.persona.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders a persona into a compact prompt block within a token budget. When the whole persona does not fit, fields are
 * dropped least important first (highest priority number, then later section, then later field), so the same persona and
 * budget always give the same text.
 */
public final class PersonaRenderer {

    private final PersonaSchema schema;

    public PersonaRenderer(PersonaSchema schema) {
        this.schema = schema;
    }

    public RenderedPersona render(JsonNode persona, int tokenBudget) {
        List<Entry> kept = entries(persona);
        List<String> dropped = new ArrayList<>();
        List<Entry> dropOrder = kept.stream()
                .sorted(Comparator.comparingInt(Entry::priority)
                        .thenComparingInt(Entry::sectionIndex)
                        .thenComparingInt(Entry::position)
                        .reversed())
                .collect(Collectors.toList());
        String text = format(kept);
        int tokens = TokenCounter.count(text);
        for (Entry next : dropOrder) {
            if (tokens <= tokenBudget) {
                break;
            }
            kept.remove(next);
            dropped.add(next.path());
            text = format(kept);
            tokens = TokenCounter.count(text);
        }
        return new RenderedPersona(text, tokens, List.copyOf(dropped));
    }

    private List<Entry> entries(JsonNode persona) {
        List<Entry> entries = new ArrayList<>();
        if (persona == null || !persona.isObject()) {
            return entries;
        }
        int position = 0;
        for (Map.Entry<String, JsonNode> section : persona.properties()) {
            Optional<SectionSpec> spec = schema.section(section.getKey());
            int sectionIndex = schema.indexOf(section.getKey());
            for (Map.Entry<String, JsonNode> field : section.getValue().properties()) {
                int priority = spec.flatMap(s -> s.field(field.getKey()))
                        .map(FieldSpec::priority)
                        .orElse(FieldSpec.ADDED_FIELD_PRIORITY);
                entries.add(new Entry(section.getKey(), field.getKey(), field.getValue(), priority, sectionIndex,
                        position++));
            }
        }
        entries.sort(Comparator.comparingInt(Entry::sectionIndex).thenComparingInt(Entry::position));
        return entries;
    }

    private static String format(List<Entry> entries) {
        StringBuilder text = new StringBuilder();
        String section = null;
        for (Entry entry : entries) {
            if (!entry.section().equals(section)) {
                section = entry.section();
                text.append(text.length() == 0 ? "" : "\n").append("## ").append(section).append('\n');
            }
            text.append("- ").append(entry.field()).append(": ").append(valueText(entry.value())).append('\n');
        }
        return text.toString();
    }

    private static String valueText(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return String.join("; ", items);
        }
        return value.asText();
    }

    private record Entry(String section, String field, JsonNode value, int priority, int sectionIndex, int position) {

        String path() {
            return "/" + PersonaValidator.escape(section) + "/" + PersonaValidator.escape(field);
        }
    }
}
