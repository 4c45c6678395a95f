package ai.persona.benchgen.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.model.PersonaJson;

/**
 * The finished units of a run, one file each under {@code units/}, each written whole or not at all (a temporary
 * file moved into place), so that a run killed at any point is resumed by skipping every unit that has its file.
 */
public final class UnitStore {

    private final Path folder;
    private final ObjectMapper mapper = PersonaJson.mapper();

    public UnitStore(Path outputFolder) {
        this.folder = outputFolder.resolve("units");
    }

    public Optional<UnitRecord> find(String unit) {
        Path file = file(unit);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(file.toFile(), UnitRecord.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the finished unit " + file, e);
        }
    }

    public void save(String unit, UnitRecord record) {
        try {
            writeAtomically(file(unit), mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the unit " + unit, e);
        }
    }

    private Path file(String unit) {
        return folder.resolve(unit + ".json");
    }

    /** Writes the file whole or not at all: a reader or a rerun never sees half of it. */
    public static void writeAtomically(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), ".partial-", ".tmp");
        try {
            Files.write(partial, content);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
