package ai.persona.personabench;

import java.nio.file.Path;

/** A PersonaBench file that cannot be read; the message names the file. */
public class PersonaBenchException extends RuntimeException {

    public PersonaBenchException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }

    public PersonaBenchException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
