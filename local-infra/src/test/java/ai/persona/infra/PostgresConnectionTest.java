package ai.persona.infra;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PostgresConnectionTest {

    @Test
    void reactiveUrlComesFromTheJdbcUrlWithoutJdbcParameters() {
        PostgresConnection db = PostgresConnection.fromJdbcUrl(
                "jdbc:postgresql://db.example:6543/persona?sslmode=require", "app", "secret");
        assertEquals(new PostgresConnection("db.example", 6543, "persona", "app", "secret"), db);
        assertEquals("postgresql://db.example:6543/persona", db.reactiveUrl());
        assertEquals("jdbc:postgresql://db.example:6543/persona", db.jdbcUrl());
    }

    @Test
    void portDefaultsAndBadUrlsAreRejected() {
        assertEquals(5432, PostgresConnection.fromJdbcUrl("jdbc:postgresql://db/x", "u", "p").port());
        assertThrows(IllegalArgumentException.class, () -> PostgresConnection.fromJdbcUrl("jdbc:mysql://db/x", "u", "p"));
        assertThrows(IllegalArgumentException.class, () -> PostgresConnection.fromJdbcUrl("jdbc:postgresql://db:1/", "u", "p"));
    }
}
