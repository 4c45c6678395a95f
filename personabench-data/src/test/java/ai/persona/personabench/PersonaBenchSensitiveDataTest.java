package ai.persona.personabench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import ai.persona.model.guard.SensitiveDataDetector;
import ai.persona.model.guard.SensitiveDataPolicy;
import ai.persona.model.guard.ValuesOf;

/** The persona guard flags nothing in PersonaBench's golden personas: they are the data the guard must let through. */
class PersonaBenchSensitiveDataTest {

    private final SensitiveDataDetector detector = new SensitiveDataDetector(SensitiveDataPolicy.defaults());

    @Test
    void nothingInThePersonaBenchFixturesIsFlagged() {
        PersonaBenchReader fixtures = new PersonaBenchReader(Path.of("src/test/resources/personabench-fixture"));

        assertThat(flagged(fixtures)).isEmpty();
    }

    /** The golden personas of the real data (149, Chinese) when the shared folder is there; see docs/persona-guard.md. */
    @Test
    void nothingInTheRealGoldenPersonasIsFlagged() {
        PersonaBenchReader reader = new PersonaBenchReader(PersonaBenchReader.defaultDir());
        Assumptions.assumeTrue(reader.isAvailable(), "PersonaBench data not found at " + reader.dataDir());

        assertThat(flagged(reader)).isEmpty();
    }

    private List<String> flagged(PersonaBenchReader reader) {
        List<String> flagged = new ArrayList<>();
        for (String name : reader.personaNames()) {
            for (String value : ValuesOf.strings(reader.read(name).golden())) {
                detector.categoryOf(value).ifPresent(category -> flagged.add(name + ": " + category + ": " + value));
            }
        }
        return flagged;
    }
}
