package ai.persona.benchgen.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.benchgen.check.Language;
import ai.persona.model.PersonaJson;

/**
 * Writes the benchmark in the released PersonaBench layout: {@code generated_data/<name>.json} (the persona and its
 * common scenes) and {@code persona_profile/<name>.json} (the persona and its specific scenes), each file whole or not
 * at all. Unlike the release, a {@code neutralized_query} carries no leftover tags.
 */
public final class BenchWriter {

    private final Path folder;
    private final Language language;
    private final ObjectMapper mapper = PersonaJson.mapper();

    public BenchWriter(Path folder, Language language) {
        this.folder = folder;
        this.language = language;
    }

    /** Writes every persona; returns the file names (without .json) in the order written. */
    public List<String> write(List<GeneratedPersona> personas) {
        Set<String> taken = new HashSet<>();
        return personas.stream().map(persona -> {
            String file = fileName(persona, taken);
            write("generated_data", file, persona, true);
            write("persona_profile", file, persona, false);
            return file;
        }).toList();
    }

    private void write(String dir, String file, GeneratedPersona persona, boolean common) {
        ObjectNode root = persona.persona().deepCopy();
        ArrayNode scenes = root.putArray("scenes");
        persona.scenes().stream().filter(scene -> scene.common() == common).forEach(scene -> scenes.add(scene(scene)));
        try {
            UnitStore.writeAtomically(folder.resolve(dir).resolve(file + ".json"),
                    mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir + "/" + file + ".json", e);
        }
    }

    private ObjectNode scene(GeneratedScene scene) {
        ObjectNode json = mapper.createObjectNode();
        // the released data separates a scene's name and summary with a full-width colon in Chinese
        String colon = language.scripts().contains(Character.UnicodeScript.HAN) ? "：" : ": ";
        json.put("scene_type", scene.name() + colon + scene.summary());
        json.set("available_apis", scene.detail().path("available_apis"));
        json.put("scene_desc", scene.detail().path("scene_desc").asText());
        json.put("expected_response", scene.detail().path("expected_response").asText());
        json.put("scene_context", scene.detail().path("scene_context").asText());
        json.put("personalized_query", scene.personalizedQuery());
        json.put("neutralized_query", scene.neutralizedQuery());
        return json;
    }

    /** The persona's name made safe as a file name, made unique with its unit number when two share a name. */
    static String fileName(GeneratedPersona persona, Set<String> taken) {
        String name = persona.persona().path("Demographics").path("Name").asText()
                .replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (name.isEmpty() || name.startsWith(".")) {
            name = "persona-" + persona.index();
        }
        String unique = name;
        if (!taken.add(unique)) {
            unique = name + "-" + persona.index();
            taken.add(unique);
        }
        return unique;
    }
}
