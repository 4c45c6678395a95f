package ai.persona.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import ai.persona.infra.PostgresConnection;

/** Looks under the services, in their own databases: where a user's data could still be. */
final class Database {

    private Database() {
    }

    /** "table.column = n" for every text column of every table in the database that holds the value. */
    static List<String> rowsMentioning(PostgresConnection db, String value) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "select table_name, column_name from information_schema.columns where table_schema = 'public'"
                            + " and data_type in ('text', 'character varying', 'jsonb', 'json', 'uuid')"
                            + " and table_name <> 'flyway_schema_history'");
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(new String[] { rows.getString(1), rows.getString(2) });
                }
            }
            for (String[] column : columns) {
                String sql = "select count(*) from \"" + column[0] + "\" where \"" + column[1] + "\"::text like ?";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, "%" + value + "%");
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            found.add(column[0] + "." + column[1] + " = " + rows.getLong(1));
                        }
                    }
                }
            }
        }
        return found;
    }
}
