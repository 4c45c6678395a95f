package ai.persona.deploy.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Reads every document of every {@code .yaml}/{@code .yml} file under a folder, as {@code kubectl apply -R -f} would. */
public final class ManifestReader {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ManifestReader() {
    }

    /** Every resource under {@code dir}, files in path order, documents in file order. */
    public static List<Manifest> load(Path dir) {
        List<Manifest> manifests = new ArrayList<>();
        for (Path file : yamlFiles(dir)) {
            String name = dir.relativize(file).toString().replace('\\', '/');
            for (JsonNode document : documents(file)) {
                KubernetesResource resource = SERIALIZATION.convertValue(document, KubernetesResource.class);
                if (!(resource instanceof HasMetadata hasMetadata)) {
                    throw new IllegalArgumentException(name + ": a document that is not a Kubernetes resource: "
                            + document.path("kind").asText("(no kind)"));
                }
                manifests.add(new Manifest(name, hasMetadata));
            }
        }
        return manifests;
    }

    /** The non-empty YAML documents of one file, as JSON trees. */
    public static List<JsonNode> documents(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNextValue()) {
                JsonNode document = it.nextValue();
                if (document != null && !document.isNull() && !document.isMissingNode() && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return documents;
    }

    /** A deep, modifiable copy, to change in memory without touching the originals (the rules' own tests do). */
    public static List<Manifest> copy(List<Manifest> manifests) {
        return new ArrayList<>(manifests.stream().map(m -> new Manifest(m.file(), SERIALIZATION.clone(m.resource())))
                .toList());
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches(".*\\.(yaml|yml)$"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
