package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

class StoppedTrialsMigrationTest {

    private static final String URL = "jdbc:h2:mem:migration-v5;DB_CLOSE_DELAY=-1";

    @Test
    void aTrialStoppedBeforeTheRuleKeepsItsLatestAttemptsLastMeasurement() throws Exception {
        flyway("4").migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO studies (id, name, spec_json, state, trials_created, exhausted, created_at)"
                    + " VALUES (1, 's', '{}', 'RUNNING', 3, FALSE, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO trials (id, study_id, number, config_key, repeat_index, parameters_json, enqueued,"
                    + " state, attempts, metrics_json, created_at, version) VALUES"
                    + " (1, 1, 0, 0, 0, '{}', FALSE, 'PRUNED', 2, '{\"wallSeconds\": 9.0}', CURRENT_TIMESTAMP, 1),"
                    + " (2, 1, 1, 1, 0, '{}', FALSE, 'STOPPED', 1, NULL, CURRENT_TIMESTAMP, 1),"
                    + " (3, 1, 2, 2, 0, '{}', FALSE, 'COMPLETE', 1, '{\"loss\": 0.1}', CURRENT_TIMESTAMP, 1)");
            s.execute("INSERT INTO measurements (trial_id, attempt, step, elapsed_seconds, metrics_json, reported_at)"
                    + " VALUES (1, 1, 5, 1, '{\"loss\": 0.2}', CURRENT_TIMESTAMP),"
                    + " (1, 2, 1, 1, '{\"loss\": 0.9}', CURRENT_TIMESTAMP),"
                    + " (1, 2, 2, 2, '{\"loss\": 0.7}', CURRENT_TIMESTAMP),"
                    + " (3, 1, 1, 1, '{\"loss\": 0.5}', CURRENT_TIMESTAMP)");
        }

        flyway("5").migrate();

        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT id, metrics_json FROM trials ORDER BY id")) {
            rows.next();
            assertThat(rows.getString(2)).isEqualTo("{\"loss\":0.7,\"wallSeconds\":9.0}");
            rows.next();
            assertThat(rows.getString(2)).as("a trial that measured nothing keeps nothing").isNull();
            rows.next();
            assertThat(rows.getString(2)).as("a completed trial is left alone").isEqualTo("{\"loss\": 0.1}");
        }
    }

    private static Flyway flyway(String target) {
        return Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").target(target).load();
    }
}
