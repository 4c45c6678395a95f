package ai.persona.personabench;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One PersonaBench persona: the hand-written golden persona and its scenes, common ones first, as the paper plays them.
 *
 * @param golden the golden persona as a persona dictionary (null fields of the data left out)
 */
public record BenchPersona(String name, ObjectNode golden, List<Scene> commonScenes, List<Scene> specificScenes) {

    public BenchPersona {
        commonScenes = List.copyOf(commonScenes);
        specificScenes = List.copyOf(specificScenes);
    }

    public List<Scene> scenes() {
        List<Scene> all = new ArrayList<>(commonScenes);
        all.addAll(specificScenes);
        return all;
    }
}
