package db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

class MeasurementsKeyMigrationTest {

    private static final String URL = "jdbc:h2:mem:migration-measurements-key;DB_CLOSE_DELAY=-1";

    @Test
    void measurementsKeepEveryRowAndTheirStepStaysUnique() throws Exception {
        flyway("5").migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO studies (id, name, spec_json, state, trials_created, exhausted, created_at)"
                    + " VALUES (1, 's', '{}', 'RUNNING', 1, FALSE, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO trials (id, study_id, number, config_key, repeat_index, parameters_json, enqueued,"
                    + " state, attempts, created_at, version) VALUES"
                    + " (1, 1, 0, 0, 0, '{}', FALSE, 'RUNNING', 2, CURRENT_TIMESTAMP, 1)");
            s.execute("INSERT INTO measurements (trial_id, attempt, step, elapsed_seconds, metrics_json, reported_at)"
                    + " VALUES (1, 1, 1, 1.5, '{\"loss\": 0.9}', CURRENT_TIMESTAMP),"
                    + " (1, 2, 1, 2.5, '{\"loss\": 0.8}', CURRENT_TIMESTAMP)");
        }

        flyway(null).migrate();

        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            try (ResultSet rows = s.executeQuery("SELECT attempt, elapsed_seconds, metrics_json FROM measurements"
                    + " WHERE trial_id = 1 ORDER BY attempt")) {
                rows.next();
                assertThat(rows.getDouble(2)).isEqualTo(1.5);
                rows.next();
                assertThat(rows.getString(3)).isEqualTo("{\"loss\": 0.8}");
                assertThat(rows.next()).isFalse();
            }
            assertThatThrownBy(() -> s.execute("INSERT INTO measurements (trial_id, attempt, step, elapsed_seconds,"
                    + " metrics_json, reported_at) VALUES (1, 2, 1, 3, '{}', CURRENT_TIMESTAMP)"))
                    .isInstanceOf(SQLIntegrityConstraintViolationException.class);
        }
    }

    private static Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration");
        return (target == null ? config : config.target(target)).load();
    }
}
