package ai.persona.benchgen;

import java.nio.file.Path;

import ai.persona.personabench.PersonaBenchReader;
import ai.persona.benchgen.input.SceneCatalog;
import ai.persona.benchgen.input.Seeds;
import ai.persona.model.PersonaSchema;
import picocli.CommandLine.Option;

/** What the pipeline starts from: seed personas, the common scenes, the persona schema. */
final class InputOptions {

    @Option(names = "--data", description = "PersonaBench data folder, where the default seeds and scene list are"
            + " (default: $PERSONABENCH_DIR, else ../shared/personabench/data)")
    Path data;

    @Option(names = "--seed-personas", description = "seed personas (default: <data>/personas.json)")
    Path seedPersonas;

    @Option(names = "--scene-list", description = "common scenes, name to description (default: <data>/scene_settings.json)")
    Path sceneList;

    @Option(names = "--scene-apis", description = "capabilities per common scene (default: <data>/scene_api_dict.json)")
    Path sceneApis;

    @Option(names = "--schema", description = "persona schema JSON (default: persona-model's, the paper's)")
    Path schema;

    Seeds seeds() {
        return Seeds.read(or(seedPersonas, "personas.json"));
    }

    SceneCatalog catalog() {
        return SceneCatalog.read(or(sceneList, "scene_settings.json"), or(sceneApis, "scene_api_dict.json"));
    }

    PersonaSchema schema() {
        return schema == null ? PersonaSchema.defaultSchema() : PersonaSchema.read(schema);
    }

    private Path or(Path given, String releasedFile) {
        if (given != null) {
            return given;
        }
        return (data != null ? data : PersonaBenchReader.defaultDir()).resolve(releasedFile);
    }
}
