package ai.persona.session.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * Values for the reactive PostgreSQL client's parameters: it binds timestamptz as OffsetDateTime, and a multi-row
 * statement takes one array per column ({@code unnest($1::text[], ...)}).
 */
final class SqlValues {

    private SqlValues() {
    }

    static <T> String[] strings(List<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    static <T> Integer[] integers(List<T> rows, Function<T, Integer> value) {
        return rows.stream().map(value).toArray(Integer[]::new);
    }

    static <T> OffsetDateTime[] times(List<T> rows, Function<T, Instant> value) {
        return rows.stream().map(value).map(SqlValues::utc).toArray(OffsetDateTime[]::new);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
