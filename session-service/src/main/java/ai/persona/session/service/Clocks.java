package ai.persona.session.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** PostgreSQL keeps microseconds: times are cut to them before use, so what an API returns equals what is stored. */
final class Clocks {

    private Clocks() {
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
