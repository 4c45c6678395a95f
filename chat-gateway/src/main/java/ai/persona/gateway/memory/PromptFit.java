package ai.persona.gateway.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.persona.gateway.config.GatewayConfig;
import ai.persona.model.FieldSpec;
import ai.persona.model.PersonaSchema;
import ai.persona.model.TokenCounter;

/**
 * Fits the persona prompt a chat turn gets (the cached rendering, see PersonaPrompt) into a smaller token budget
 * without rendering the persona again: whole fields are left out in the order PersonaRenderer leaves them out (highest
 * priority number first, then the later one), a section goes with its last field, and the preamble stays. Nothing is
 * ever cut inside a line. When not even the preamble and one field fit, the text is empty.
 */
@ApplicationScoped
public class PromptFit {

    /** A prompt and its size in tokens (o200k_base, as everywhere in the project). */
    public record Fitted(String text, int tokens) {

        static final Fitted EMPTY = new Fitted("", 0);
    }

    private record Field(String section, String lines, int priority, int order) {
    }

    private final PersonaSchema schema;
    private final String prefix;

    @Inject
    public PromptFit(PersonaSchema schema, GatewayConfig config) {
        this(schema, config.persona().preamble());
    }

    PromptFit(PersonaSchema schema, String preamble) {
        this.schema = schema;
        this.prefix = preamble + "\n\n";
    }

    /** @param budget the most tokens the text may take; null for the prompt as it is */
    public Fitted fit(String prompt, Integer budget) {
        if (prompt == null || prompt.isEmpty()) {
            return Fitted.EMPTY;
        }
        int tokens = TokenCounter.count(prompt);
        if (budget == null || tokens <= budget) {
            return new Fitted(prompt, tokens);
        }
        String head = prompt.startsWith(prefix) ? prefix : "";
        List<Field> kept = fields(prompt.substring(head.length()));
        List<Field> dropOrder = kept.stream()
                .sorted(Comparator.comparingInt(Field::priority).thenComparingInt(Field::order).reversed())
                .toList();
        for (Field next : dropOrder) {
            kept.remove(next);
            if (kept.isEmpty()) {
                break;
            }
            String text = head + format(kept);
            tokens = TokenCounter.count(text);
            if (tokens <= budget) {
                return new Fitted(text, tokens);
            }
        }
        return Fitted.EMPTY;
    }

    // reads back what PersonaRenderer writes: "## Section" lines, each followed by its "- Field: value" lines; a line
    // of neither kind continues the field above it (a value with line breaks)
    private List<Field> fields(String rendered) {
        List<Field> fields = new ArrayList<>();
        String section = null;
        StringBuilder lines = null;
        String name = null;
        for (String line : rendered.split("\n")) {
            boolean header = line.startsWith("## ");
            if ((header || line.startsWith("- ")) && lines != null) {
                fields.add(field(section, name, lines, fields.size()));
                lines = null;
            }
            if (header) {
                section = line.substring(3);
            } else if (line.startsWith("- ") && section != null) {
                int colon = line.indexOf(": ");
                name = colon < 0 ? line.substring(2) : line.substring(2, colon);
                lines = new StringBuilder(line);
            } else if (lines != null) {
                lines.append('\n').append(line);
            }
        }
        if (lines != null) {
            fields.add(field(section, name, lines, fields.size()));
        }
        return fields;
    }

    private Field field(String section, String name, StringBuilder lines, int order) {
        // the blank line ahead of the next section belongs to the layout, not to the value
        String text = lines.toString();
        while (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        int priority = schema.section(section)
                .flatMap(spec -> spec.field(name))
                .map(FieldSpec::priority)
                .orElse(FieldSpec.ADDED_FIELD_PRIORITY);
        return new Field(section, text, priority, order);
    }

    // the layout of PersonaRenderer: sections apart by a blank line, each line ending in a line break
    private static String format(List<Field> fields) {
        StringBuilder text = new StringBuilder();
        String section = null;
        for (Field field : fields) {
            if (!field.section().equals(section)) {
                section = field.section();
                text.append(text.length() == 0 ? "" : "\n").append("## ").append(section).append('\n');
            }
            text.append(field.lines()).append('\n');
        }
        return text.toString();
    }
}
