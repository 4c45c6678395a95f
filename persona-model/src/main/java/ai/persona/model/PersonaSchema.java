package ai.persona.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The sections and fields a persona may hold. It is configuration, read from a JSON document; the paper's schema is the
 * default.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PersonaSchema(String description, List<SectionSpec> sections) {

    private static final String DEFAULT_RESOURCE = "/ai/persona/model/default-schema.json";

    public PersonaSchema {
        sections = sections == null ? List.of() : List.copyOf(sections);
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("a persona schema needs at least one section");
        }
    }

    public static PersonaSchema defaultSchema() {
        try (InputStream in = PersonaSchema.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default persona schema", e);
        }
    }

    public static PersonaSchema read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the persona schema " + file, e);
        }
    }

    public static PersonaSchema read(InputStream in) throws IOException {
        return PersonaJson.mapper().readValue(in, PersonaSchema.class);
    }

    public Optional<SectionSpec> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public int indexOf(String sectionName) {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).name().equals(sectionName)) {
                return i;
            }
        }
        return sections.size();
    }
}
