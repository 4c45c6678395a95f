package ai.persona.benchgen.input;

import java.util.List;

/**
 * One of the shared scenes every persona's common scenes are adapted from.
 *
 * @param capabilities the phone capabilities the scene may use ({@code scene_api_dict.json}), hints for its APIs
 */
public record CommonScene(String name, String description, List<String> capabilities) {

    public CommonScene {
        capabilities = List.copyOf(capabilities);
    }

    public String line() {
        return name + ": " + description + (capabilities.isEmpty() ? "" : " [capabilities: "
                + String.join(", ", capabilities) + "]");
    }
}
