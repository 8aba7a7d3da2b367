package dev.hpo.api.trial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.api.ApiTest;
import dev.hpo.api.HttpApi;
import dev.hpo.optimizer.StoppingRules;
import dev.hpo.optimizer.pruning.EarlyStopper;
import dev.hpo.study.StudySpec;
import dev.hpo.study.StudySpecParser;
import dev.hpo.trial.Trial;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A measurement report under an early-stopping rule decides from the trial's own measurements and one rung's
 * scores (issue 20 fault 4), and decides exactly as the rule does from the study's whole history.
 */
@ApiTest
class EarlyStoppingReportsTest {

    @LocalServerPort
    int port;

    @Autowired
    TrialStore store;

    @Autowired
    JdbcTemplate jdbc;

    /** A study trained by its own script, reporting {@code accuracy} and {@code energy} per step. */
    private static String spec(String name, String objectives, String algorithm, String earlyStopping,
                               String fidelity) {
        return """
                {"name": "%s", "objectives": %s,
                 "algorithm": {"name": "%s", "populationSize": 4, "earlyStopping": %s},
                 "budget": {"maxTrials": 60, "parallelism": 4},
                 "trialSettings": {"timeCap": "100s"}, %s
                 "parameters": [{"name": "x", "type": "float", "min": 0, "max": 1},
                                {"name": "y", "type": "float", "min": 0, "max": 1}],
                 "seed": 5}
                """.formatted(name, objectives, algorithm, earlyStopping,
                fidelity.isEmpty() ? "" : "\"fidelity\": " + fidelity + ",");
    }

    private static final String ACCURACY = "[{\"metric\": \"accuracy\", \"goal\": \"MAXIMIZE\"}]";
    private static final String ACCURACY_AND_ENERGY = "[{\"metric\": \"accuracy\", \"goal\": \"MAXIMIZE\"},"
            + " {\"metric\": \"energy\", \"goal\": \"MINIMIZE\"}]";

    @Test
    void ashaInStepsDecidesAsFromTheWholeHistory() {
        replay(spec("asha-steps", ACCURACY, "RANDOM", "{\"rule\": \"ASHA\"}",
                "{\"unit\": \"steps\", \"max\": 9}"), 9, 1);
    }

    @Test
    void theMedianRuleInSecondsDecidesAsFromTheWholeHistory() {
        replay(spec("median-seconds", ACCURACY, "RANDOM", "{\"rule\": \"MEDIAN\", \"minTrials\": 3}", ""), 10, 10);
    }

    @Test
    void paretoRungsDecideAsFromTheWholeHistory() {
        replay(spec("asha-pareto", ACCURACY_AND_ENERGY, "NSGA2", "{\"rule\": \"ASHA\"}",
                "{\"unit\": \"steps\", \"max\": 9}"), 9, 1);
    }

    /**
     * Four workers run the study's trials, one report at a time in a seeded random order: trials learn at their
     * own pace, some leap several steps at once, some are handed back and run again. After every report, the
     * service's answer is compared with the rule's verdict from the study's whole history as stored, each trial with
     * its latest attempt's measurements: what the service decided from before rung scores existed.
     *
     * @param steps the measurements of a full run
     * @param secondsPerStep how far the elapsed seconds move per step
     */
    private void replay(String specJson, int steps, double secondsPerStep) {
        HttpApi api = new HttpApi(port);
        long study = api.createStudy(specJson);
        StudySpec spec = StudySpecParser.parse(specJson);
        EarlyStopper rule = StoppingRules.of(spec);
        Random random = new Random(study);
        List<long[]> running = new ArrayList<>();
        int stops = 0;
        int judgedAndKept = 0;
        for (int report = 0; report < 400; report++) {
            while (running.size() < 4) {
                JsonNode trials = api.suggest(study, "w" + running.size() + "-" + report, 1).get("trials");
                if (trials.isEmpty()) {
                    break;
                }
                running.add(new long[] {trials.get(0).get("id").asLong(), 0});
            }
            if (running.isEmpty()) {
                break;
            }
            long[] trial = running.get(random.nextInt(running.size()));
            if (random.nextInt(40) == 0) {
                api.post("/api/trials/" + trial[0] + "/release", "{\"workerId\": \"" + worker(trial[0]) + "\"}");
                running.remove(trial);
                continue;
            }
            trial[1] = Math.min(steps, trial[1] + (random.nextInt(6) == 0 ? 3 : 1));
            double quality = 0.3 + 0.6 * ((trial[0] * 7919) % 101) / 100.0;
            double accuracy = quality * (1 - Math.exp(-trial[1] / 3.0)) + 0.02 * random.nextGaussian();
            boolean stop = api.post("/api/trials/" + trial[0] + "/measurements", String.format(Locale.ROOT,
                    "{\"step\": %d, \"elapsedSeconds\": %.3f, \"metrics\": {\"accuracy\": %.6f, \"energy\": %.6f}}",
                    trial[1], trial[1] * secondsPerStep, accuracy, quality * 10 + 0.1 * trial[1]))
                    .json().get("shouldStop").asBoolean();

            List<Trial> history = store.ofStudy(study, true).stream()
                    .map(t -> t.inCanonicalTypes(spec.searchSpace())).toList();
            Trial measured = history.stream().filter(t -> t.id() == trial[0]).findFirst().orElseThrow();
            assertThat(stop).as("report %d of trial %d", report, trial[0])
                    .isEqualTo(rule.shouldStop(history, measured));
            if (stop) {
                stops++;
            } else if (rule.rungsReached(measured.measurements()).length > 0) {
                judgedAndKept++;
            }
            if (stop || trial[1] == steps) {
                api.complete(trial[0], String.format(Locale.ROOT, "{\"accuracy\": %.6f}", accuracy));
                running.remove(trial);
            }
        }
        assertThat(stops).as("trials stopped").isPositive();
        assertThat(judgedAndKept).as("trials judged at a rung and kept").isPositive();
    }

    private String worker(long trialId) {
        return store.find(trialId, false).orElseThrow().workerId();
    }

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
