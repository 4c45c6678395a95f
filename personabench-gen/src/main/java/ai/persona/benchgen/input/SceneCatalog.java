package ai.persona.benchgen.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.model.PersonaJson;

/**
 * The common scenes: {@code scene_settings.json} (name to description) or a user's own file in that shape, with the
 * capabilities of {@code scene_api_dict.json} (JSON lines of {@code {"name：description": [capabilities]}}) when given.
 */
public record SceneCatalog(List<CommonScene> scenes) {

    public SceneCatalog {
        scenes = List.copyOf(scenes);
    }

    public static SceneCatalog read(Path sceneList, Path capabilityFile) {
        ObjectMapper mapper = PersonaJson.mapper();
        Map<String, List<String>> capabilities = capabilityFile == null || !Files.exists(capabilityFile) ? Map.of()
                : capabilities(capabilityFile, mapper);
        List<CommonScene> scenes = new ArrayList<>();
        try {
            JsonNode root = mapper.readTree(Files.readAllBytes(sceneList));
            root.properties().forEach(scene -> scenes.add(new CommonScene(scene.getKey().strip(),
                    scene.getValue().asText().strip(), capabilities.getOrDefault(scene.getKey().strip(), List.of()))));
        } catch (IOException e) {
            throw new IllegalArgumentException("--scene-list: cannot read " + sceneList + ": " + e.getMessage(), e);
        }
        if (scenes.isEmpty()) {
            throw new IllegalArgumentException("--scene-list: " + sceneList + " holds no scene (an object of name to"
                    + " description is expected)");
        }
        return new SceneCatalog(scenes);
    }

    private static Map<String, List<String>> capabilities(Path file, ObjectMapper mapper) {
        Map<String, List<String>> byName = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                mapper.readTree(line).properties().forEach(entry -> {
                    List<String> names = new ArrayList<>();
                    entry.getValue().forEach(capability -> names.add(capability.asText().strip()));
                    byName.put(sceneName(entry.getKey()), names);
                });
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--scene-apis: cannot read " + file + ": " + e.getMessage(), e);
        }
        return byName;
    }

    private static String sceneName(String key) {
        int colon = key.indexOf('：');
        colon = colon < 0 ? key.indexOf(':') : colon;
        return (colon < 0 ? key : key.substring(0, colon)).strip();
    }

    /** {@code count} distinct scenes drawn with the given random source (fewer when the list is shorter). */
    public List<CommonScene> sample(int count, Random random) {
        List<CommonScene> pool = new ArrayList<>(scenes);
        List<CommonScene> drawn = new ArrayList<>();
        while (drawn.size() < count && !pool.isEmpty()) {
            drawn.add(pool.remove(random.nextInt(pool.size())));
        }
        return drawn;
    }
}
