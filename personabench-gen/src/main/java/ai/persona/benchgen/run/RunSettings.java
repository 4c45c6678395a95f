package ai.persona.benchgen.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.persona.model.PersonaJson;

/**
 * What a run's units depend on, kept in {@code run.json}: a rerun into the same folder must use the same, or its
 * resumed units would not match the new ones. {@code --personas} may grow: the extra personas are new units.
 */
public record RunSettings(String language, long seed, int scenesPerPersona, int examples, double duplicateThreshold) {

    static final String FILE = "run.json";

    /** Records the settings in a new folder, or checks them against the folder's; the message names what differs. */
    public void claim(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            if (Files.exists(file)) {
                RunSettings earlier = PersonaJson.mapper().readValue(file.toFile(), RunSettings.class);
                if (!earlier.equals(this)) {
                    throw new IllegalArgumentException("--out " + folder + " holds a run with other settings (" + earlier
                            + "); use the same settings to resume it, or another folder");
                }
                return;
            }
            UnitStore.writeAtomically(file, PersonaJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }
}
