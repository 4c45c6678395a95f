package ai.persona.model.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Every scalar of a persona as text, for scanning whole personas in tests. */
public final class ValuesOf {

    private ValuesOf() {
    }

    public static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        collect(node, values);
        return values;
    }

    private static void collect(JsonNode node, List<String> values) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!e.getKey().equals("scenes")) {
                    collect(e.getValue(), values);
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, values));
        } else if (!node.isNull()) {
            values.add(node.asText());
        }
    }
}
