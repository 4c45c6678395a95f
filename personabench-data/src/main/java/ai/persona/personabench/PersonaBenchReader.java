package ai.persona.personabench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.model.PersonaJson;
import net.razorvine.pickle.Unpickler;

/**
 * Reads the PersonaBench data of the AI PERSONA paper: {@code generated_data/<name>.json} (golden persona and common
 * scenes) and {@code persona_profile/<name>.json} (persona-specific scenes). Survives the real data's quirks: a file that
 * is a Python pickle with the persona nested under its name, tags left in queries, placeholder scene names, null fields,
 * the {@code Preferred_Format} spelling, and personas without scenes.
 */
public final class PersonaBenchReader {

    /** System property, then environment variable, that point at the data folder. */
    public static final String DIR_PROPERTY = "personabench.dir";
    public static final String DIR_ENV = "PERSONABENCH_DIR";

    static final String COMMON_DIR = "generated_data";
    static final String SPECIFIC_DIR = "persona_profile";
    private static final String PLACEHOLDER_NAME = "场景名称";
    private static final Pattern QUERY_TAG = Pattern.compile("</?neutralized_query>");
    private static final int PICKLE_PROTOCOL_MARK = 0x80;

    private final Path dataDir;
    private final ObjectMapper mapper = PersonaJson.mapper();

    public PersonaBenchReader(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The configured folder, else {@code ../shared/personabench/data} from the working directory. */
    public static Path defaultDir() {
        String configured = System.getProperty(DIR_PROPERTY, System.getenv(DIR_ENV));
        return Path.of(configured != null && !configured.isBlank() ? configured : "../shared/personabench/data");
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean isAvailable() {
        return Files.isDirectory(dataDir.resolve(COMMON_DIR));
    }

    public List<String> personaNames() {
        TreeSet<String> names = new TreeSet<>();
        for (String dir : List.of(COMMON_DIR, SPECIFIC_DIR)) {
            Path folder = dataDir.resolve(dir);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.map(f -> f.getFileName().toString())
                        .filter(f -> f.endsWith(".json"))
                        .forEach(f -> names.add(f.substring(0, f.length() - ".json".length())));
            } catch (IOException e) {
                throw new PersonaBenchException(folder, "cannot list the folder", e);
            }
        }
        return List.copyOf(names);
    }

    public List<BenchPersona> readAll() {
        return personaNames().stream().map(this::read).toList();
    }

    public BenchPersona read(String name) {
        Path commonFile = dataDir.resolve(COMMON_DIR).resolve(name + ".json");
        Path specificFile = dataDir.resolve(SPECIFIC_DIR).resolve(name + ".json");
        JsonNode common = Files.exists(commonFile) ? readPersonaFile(commonFile, name) : null;
        JsonNode specific = Files.exists(specificFile) ? readPersonaFile(specificFile, name) : null;
        JsonNode goldenSource = common != null ? common : specific;
        if (goldenSource == null) {
            throw new PersonaBenchException(commonFile, "no such persona in " + dataDir);
        }
        return new BenchPersona(name, golden(goldenSource, name),
                scenes(common, Scene.Kind.COMMON, commonFile), scenes(specific, Scene.Kind.SPECIFIC, specificFile));
    }

    private JsonNode readPersonaFile(Path file, String name) {
        JsonNode root = parse(file);
        if (!root.isObject()) {
            throw new PersonaBenchException(file, "expected a JSON object, found " + root.getNodeType());
        }
        // The pickled file nests the persona under its name as well; read the nested copy when the top lacks it.
        if (!root.has("Demographics") && root.path(name).isObject()) {
            root = root.get(name);
        }
        if (!root.has("Demographics")) {
            throw new PersonaBenchException(file, "no Demographics section: not a PersonaBench persona");
        }
        return root;
    }

    private JsonNode parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PersonaBenchException(file, "cannot read", e);
        }
        if (bytes.length > 0 && (bytes[0] & 0xff) == PICKLE_PROTOCOL_MARK) {
            try {
                return mapper.valueToTree(new Unpickler().loads(bytes));
            } catch (IOException | RuntimeException e) {
                throw new PersonaBenchException(file, "a Python pickle that cannot be read: " + e.getMessage(), e);
            }
        }
        try {
            return mapper.readTree(bytes);
        } catch (IOException e) {
            throw new PersonaBenchException(file, "neither JSON nor a Python pickle: " + e.getMessage(), e);
        }
    }

    private ObjectNode golden(JsonNode source, String name) {
        ObjectNode golden = mapper.createObjectNode();
        source.properties().forEach(section -> {
            if (!section.getValue().isObject() || section.getKey().equals(name)) {
                return;
            }
            ObjectNode fields = golden.putObject(section.getKey());
            section.getValue().properties().forEach(field -> {
                if (!field.getValue().isNull()) {
                    String fieldName = "Preferred_Format".equals(field.getKey()) ? "Preferred_Formats" : field.getKey();
                    fields.set(fieldName, field.getValue());
                }
            });
        });
        return golden;
    }

    private List<Scene> scenes(JsonNode persona, Scene.Kind kind, Path file) {
        List<Scene> scenes = new ArrayList<>();
        if (persona == null || !persona.path("scenes").isArray()) {
            return scenes;
        }
        for (JsonNode scene : persona.get("scenes")) {
            if (!scene.isObject()) {
                throw new PersonaBenchException(file, "scene " + scenes.size() + " is not an object");
            }
            scenes.add(scene(scenes.size(), kind, scene));
        }
        return scenes;
    }

    private Scene scene(int index, Scene.Kind kind, JsonNode scene) {
        String type = text(scene, "scene_type");
        int colon = firstColon(type);
        String name = colon < 0 ? type : type.substring(0, colon).trim();
        String summary = colon < 0 ? "" : type.substring(colon + 1).trim();
        boolean placeholder = PLACEHOLDER_NAME.equals(name);
        if (placeholder) {
            int dash = summary.indexOf("——");
            name = dash < 0 ? summary : summary.substring(0, dash).trim();
            summary = dash < 0 ? summary : summary.substring(dash + 2).trim();
        }
        return new Scene(index, kind, name, summary, placeholder, apis(scene.path("available_apis")),
                text(scene, "scene_desc"), text(scene, "expected_response"), text(scene, "scene_context"),
                text(scene, "personalized_query"), QUERY_TAG.matcher(text(scene, "neutralized_query")).replaceAll("").trim());
    }

    private static Map<String, ApiSpec> apis(JsonNode apis) {
        Map<String, ApiSpec> result = new LinkedHashMap<>();
        if (apis.isObject()) {
            apis.properties().forEach(api -> {
                List<String> arguments = new ArrayList<>();
                api.getValue().path("arguments").forEach(a -> arguments.add(a.asText()));
                result.put(api.getKey(), new ApiSpec(arguments, api.getValue().path("description").asText("")));
            });
        }
        return result;
    }

    private static int firstColon(String text) {
        int fullWidth = text.indexOf('：');
        int ascii = text.indexOf(':');
        if (fullWidth < 0 || ascii < 0) {
            return Math.max(fullWidth, ascii);
        }
        return Math.min(fullWidth, ascii);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? "" : value.asText().trim();
    }
}
