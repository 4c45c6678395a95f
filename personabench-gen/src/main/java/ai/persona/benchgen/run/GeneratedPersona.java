package ai.persona.benchgen.run;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A kept persona and its kept scenes. */
public record GeneratedPersona(int index, ObjectNode persona, List<GeneratedScene> scenes) {

    public GeneratedPersona {
        scenes = List.copyOf(scenes);
    }
}
