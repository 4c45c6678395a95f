package ai.persona.benchgen.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.model.PersonaJson;

/**
 * Stage 1: the seed personas, the in-context examples of persona synthesis. The released {@code personas.json} and
 * {@code artificial_personas_processed.json} are arrays of {@code {Name, Demographics, Personality}}; an object of
 * personas by name (the authors' generated dataset) is read too. A user's own file in either shape works.
 */
public record Seeds(Path file, List<ObjectNode> personas) {

    public Seeds {
        personas = List.copyOf(personas);
    }

    public static Seeds read(Path file) {
        JsonNode root;
        try {
            root = PersonaJson.mapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("--seed-personas: cannot read " + file + ": " + e.getMessage(), e);
        }
        List<ObjectNode> personas = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(seed -> add(seed, personas));
        } else if (root.isObject()) {
            root.properties().forEach(seed -> add(seed.getValue(), personas));
        }
        if (personas.isEmpty()) {
            throw new IllegalArgumentException("--seed-personas: " + file
                    + " holds no persona (an array of objects with a Demographics section is expected)");
        }
        return new Seeds(file, personas);
    }

    private static void add(JsonNode seed, List<ObjectNode> personas) {
        if (seed.isObject() && seed.path("Demographics").isObject()) {
            ObjectNode copy = ((ObjectNode) seed).deepCopy();
            copy.remove("scenes");
            personas.add(copy);
        }
    }

    /** {@code count} distinct seeds drawn with the given random source (fewer when there are fewer seeds). */
    public List<ObjectNode> sample(int count, Random random) {
        List<ObjectNode> pool = new ArrayList<>(personas);
        List<ObjectNode> drawn = new ArrayList<>();
        while (drawn.size() < count && !pool.isEmpty()) {
            drawn.add(pool.remove(random.nextInt(pool.size())));
        }
        return drawn;
    }
}
