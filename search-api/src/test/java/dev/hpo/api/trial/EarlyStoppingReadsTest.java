package dev.hpo.api.trial;

import static dev.hpo.api.trial.EarlyStoppingReportsTest.ACCURACY;
import static dev.hpo.api.trial.EarlyStoppingReportsTest.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.api.ApiTest;
import dev.hpo.api.HttpApi;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a measurement report under an early-stopping rule reads, counted by H2's query statistics. */
@ApiTest
class EarlyStoppingReadsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /**
     * Issue 20 fault 4: every report under a rule read the measurements of every trial of the study. Now a
     * report reads its own trial's measurements, and at a rung that rung's scores, whatever the study holds.
     */
    @Test
    void aReportReadsItsOwnMeasurementsAndOneRungsScoresNotTheStudysHistory() {
        HttpApi api = new HttpApi(port);
        long study = api.createStudy(spec("long-history", ACCURACY, "RANDOM", "{\"rule\": \"ASHA\"}",
                "{\"unit\": \"steps\", \"max\": 9}").replace("\"maxTrials\": 60", "\"maxTrials\": 1000"));
        int finished = 300;
        seedFinishedTrials(study, finished, 9);
        long trial = api.suggest(study, "w", 1).at("/trials/0/id").asLong();

        jdbc.execute("SET QUERY_STATISTICS TRUE");
        try {
            boolean stop = api.post("/api/trials/" + trial + "/measurements",
                    "{\"step\": 1, \"elapsedSeconds\": 1, \"metrics\": {\"accuracy\": 0.01}}")
                    .json().get("shouldStop").asBoolean();
            assertThat(stop).isTrue();

            long measurementRows = 0;
            long scoreRows = 0;
            for (Map<String, Object> statement : jdbc.queryForList("SELECT SQL_STATEMENT, CUMULATIVE_ROW_COUNT"
                    + " FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
                String sql = statement.get("SQL_STATEMENT").toString().toLowerCase(Locale.ROOT);
                long rows = ((Number) statement.get("CUMULATIVE_ROW_COUNT")).longValue();
                if (sql.startsWith("select") && sql.contains("from measurements")) {
                    measurementRows += rows;
                }
                if (sql.startsWith("select") && sql.contains("from rung_scores")) {
                    scoreRows += rows;
                }
            }
            // Its one measurement, and the rung's score of each finished trial.
            assertThat(measurementRows).isEqualTo(1);
            assertThat(scoreRows).isEqualTo(finished);
        } finally {
            jdbc.execute("SET QUERY_STATISTICS FALSE");
        }
    }

    /** Trials that ran to the end, each with {@code steps} measurements and its scores at the study's rungs. */
    private void seedFinishedTrials(long study, int count, int steps) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Object[]> trials = new ArrayList<>();
        for (int number = 1000; number < 1000 + count; number++) {
            trials.add(new Object[] {study, number, number, "{\"x\": " + (number % 97) / 97.0 + ", \"y\": 0.5}",
                    "{\"accuracy\": 0.9}", now});
        }
        jdbc.batchUpdate("INSERT INTO trials (study_id, number, config_key, repeat_index, parameters_json, enqueued,"
                + " state, attempts, metrics_json, created_at, version) VALUES (?, ?, ?, 0, ?, FALSE, 'COMPLETE', 1,"
                + " ?, ?, 2)", trials);
        List<Long> ids = jdbc.queryForList("SELECT id FROM trials WHERE study_id = ? AND number >= 1000", Long.class,
                study);
        List<Object[]> measurements = new ArrayList<>();
        List<Object[]> scores = new ArrayList<>();
        for (long id : ids) {
            for (int step = 1; step <= steps; step++) {
                measurements.add(new Object[] {id, step, (double) step, "{\"accuracy\": 0.9}", now});
            }
            for (int rung = 0; rung < 2; rung++) {
                scores.add(new Object[] {study, rung, id, -0.9});
            }
        }
        jdbc.batchUpdate("INSERT INTO measurements (trial_id, attempt, step, elapsed_seconds, metrics_json,"
                + " reported_at) VALUES (?, 1, ?, ?, ?, ?)", measurements);
        jdbc.batchUpdate("INSERT INTO rung_scores (study_id, rung, trial_id, attempt, first_loss)"
                + " VALUES (?, ?, ?, 1, ?)", scores);
    }
}
