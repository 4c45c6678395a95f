package ai.persona.deploy.copy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.deploy.Finding;
import ai.persona.deploy.manifest.ManifestReader;

/**
 * The committed copy of a generated manifest against the file the build just generated, document by document, as
 * parsed YAML (the order of keys in a map, or of a container's ports, is not significant, and quarkus-kubernetes does
 * not keep it stable). Not a
 * rule over the manifests: it compares two files.
 */
public final class StaleCopyCheck {

    private StaleCopyCheck() {
    }

    /** A finding per resource generated but not copied, copied but no longer generated, or different. */
    public static List<Finding> check(Path committed, Path generated, String regenerate) {
        List<Finding> findings = new ArrayList<>();
        Map<String, JsonNode> copy = byResource(ManifestReader.documents(committed));
        Map<String, JsonNode> fresh = byResource(ManifestReader.documents(generated));
        String where = committed.getFileName().toString();
        for (Map.Entry<String, JsonNode> e : fresh.entrySet()) {
            JsonNode old = copy.get(e.getKey());
            if (old == null) {
                findings.add(new Finding(where, e.getKey() + " is generated but missing from the copy; run " + regenerate));
                continue;
            }
            String difference = firstDifference("", old, e.getValue());
            if (difference != null) {
                findings.add(new Finding(where, e.getKey() + " is stale at " + difference + "; run " + regenerate));
            }
        }
        copy.keySet().stream()
                .filter(k -> !fresh.containsKey(k))
                .forEach(k -> findings.add(new Finding(where, k + " is no longer generated; run " + regenerate)));
        return findings;
    }

    private static Map<String, JsonNode> byResource(List<JsonNode> documents) {
        Map<String, JsonNode> byResource = new LinkedHashMap<>();
        documents.forEach(d -> byResource.put(d.path("kind").asText() + "/" + d.path("metadata").path("name").asText(), d));
        return byResource;
    }

    /** The JSON pointer of the first difference with both values, or null when the trees are equal. */
    private static String firstDifference(String path, JsonNode committed, JsonNode generated) {
        if (committed.isObject() && generated.isObject()) {
            Set<String> names = new TreeSet<>();
            committed.fieldNames().forEachRemaining(names::add);
            generated.fieldNames().forEachRemaining(names::add);
            return names.stream()
                    .map(name -> firstDifference(path + "/" + name, committed.path(name), generated.path(name)))
                    .filter(d -> d != null)
                    .findFirst().orElse(null);
        }
        if (committed.isArray() && generated.isArray() && committed.size() == generated.size()) {
            Iterator<JsonNode> a = inOrder(path, committed);
            Iterator<JsonNode> b = inOrder(path, generated);
            for (int i = 0; a.hasNext(); i++) {
                String difference = firstDifference(path + "/" + i, a.next(), b.next());
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        return committed.equals(generated) ? null
                : path + " (committed: " + shown(committed) + ", generated: " + shown(generated) + ")";
    }

    /**
     * The elements of an array; a list of ports sorted, as its order has no meaning and quarkus-kubernetes does not
     * keep it stable (the API and the management port come in either order).
     */
    private static Iterator<JsonNode> inOrder(String path, JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.elements().forEachRemaining(elements::add);
        if (path.endsWith("/ports")) {
            elements.sort(Comparator.comparing(JsonNode::toString));
        }
        return elements.iterator();
    }

    private static String shown(JsonNode node) {
        return node.isMissingNode() ? "absent" : node.toString();
    }
}
