package dev.hpo.api.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.api.ApiTest;
import dev.hpo.api.HttpApi;
import dev.hpo.api.Specs;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@ApiTest
class TrialStoreQueryPlanTest {

    private static final int QUEUED = 2_000;

    @LocalServerPort
    int port;

    @Autowired
    TrialStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFirstWaitingTrialsAreReadInRunOrderWithoutReadingTheRestOfTheQueue() {
        long study = new HttpApi(port).createStudy(Specs.minimizeLoss("long-queue", QUEUED, QUEUED));
        // Sampled trials by number, with every tenth one enqueued by hand, which runs first.
        List<Object[]> rows = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int number = 0; number < QUEUED; number++) {
            rows.add(new Object[] {study, number, number, "{}", number % 10 == 9, now});
        }
        jdbc.batchUpdate("INSERT INTO trials (study_id, number, config_key, repeat_index, parameters_json, enqueued,"
                + " state, attempts, created_at, version) VALUES (?, ?, ?, 0, ?, ?, 'WAITING', 0, ?, 0)", rows);
        jdbc.update("ANALYZE");

        List<Long> first = store.waiting(study, 5).stream().map(Trial::number).toList();

        assertThat(first).containsExactly(9L, 19L, 29L, 39L, 49L);
        assertThat(scanCount(TrialStore.WAITING_IN_RUN_ORDER, study, 5)).isLessThanOrEqualTo(6);
    }

    @Test
    void aWorkersTrialsAreFoundWithoutReadingEveryRunningTrial() {
        long study = new HttpApi(port).createStudy(Specs.minimizeLoss("many-workers", QUEUED, QUEUED));
        // 200 workers hold one trial each and have finished four more each.
        List<Object[]> rows = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int number = 0; number < 1_000; number++) {
            rows.add(new Object[] {study, number, number, "w" + number % 200, number < 800 ? "COMPLETE" : "RUNNING",
                    now});
        }
        jdbc.batchUpdate("INSERT INTO trials (study_id, number, config_key, repeat_index, parameters_json, enqueued,"
                + " worker_id, state, attempts, created_at, version) VALUES (?, ?, ?, 0, '{}', FALSE, ?, ?, 1, ?, 1)",
                rows);
        jdbc.update("ANALYZE");

        assertThat(store.held(study, "w7")).extracting(Trial::number).containsExactly(807L);
        assertThat(scanCount(TrialStore.HELD_BY_WORKER, "'w7'", study)).isLessThanOrEqualTo(2);
    }

    /**
     * The compare-and-set names the trial's id and what it was read as: its state, worker and last heartbeat among
     * them. The row is found by the key, however many trials share that state; no index may lead with those columns
     * (an index led by state and heartbeat made a claim read every waiting trial, migration V9).
     */
    @Test
    void aClaimAndACompletionReadOneRowHoweverManyTrialsWaitOrFinished() {
        long study = new HttpApi(port).createStudy(Specs.minimizeLoss("claims", 30_000, 64));
        List<Object[]> rows = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int number = 0; number < 30_000; number++) {
            boolean finished = number < 20_000;
            rows.add(new Object[] {study, number, number, finished ? "w" + number % 64 : null,
                    finished ? "COMPLETE" : "WAITING", finished ? 1 : 0, now,
                    finished ? now.plusSeconds(number) : null});
        }
        jdbc.batchUpdate("INSERT INTO trials (study_id, number, config_key, repeat_index, parameters_json, enqueued,"
                + " worker_id, state, attempts, created_at, heartbeat_at, version)"
                + " VALUES (?, ?, ?, 0, '{}', FALSE, ?, ?, ?, ?, ?, 0)", rows);
        jdbc.update("ANALYZE");
        Trial waiting = store.waiting(study, 1).get(0);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        Trial running = waiting.claim("w1", "dl4j", at);
        Trial complete = running.finish(TrialState.COMPLETE, Map.of("loss", 0.5), null, at.plusSeconds(60));

        assertThat(updateScanCount(new TrialUpdate(waiting, running))).isLessThanOrEqualTo(2);
        assertThat(updateScanCount(new TrialUpdate(running, complete))).isLessThanOrEqualTo(2);
        assertThat(updateScanCount(new TrialUpdate(running, running.requeue()))).isLessThanOrEqualTo(2);
    }

    @Test
    void noIndexOfTrialsLeadsWithTheStateOrTheHeartbeatTheCompareAndSetNames() {
        List<String> leading = jdbc.queryForList("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
                + " WHERE TABLE_NAME = 'TRIALS' AND ORDINAL_POSITION = 1", String.class);

        assertThat(leading).isNotEmpty().doesNotContain("STATE", "HEARTBEAT_AT", "ATTEMPTS", "STOP_REASON");
    }

    /** How many index entries H2 read to run the update's statement, with its values bound. */
    private int updateScanCount(TrialUpdate update) {
        String plan = jdbc.execute((Connection c) -> {
            try (PreparedStatement explain = c.prepareStatement("EXPLAIN ANALYZE " + update.sql())) {
                update.bind(explain, metrics -> "{}");
                try (ResultSet rs = explain.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        assertThat(scanned.find()).as(plan).isTrue();
        return Integer.parseInt(scanned.group(1));
    }

    /** How many index entries H2 read to run {@code sql} with these literal parameters. */
    private int scanCount(String sql, Object... parameters) {
        for (Object parameter : parameters) {
            sql = sql.replaceFirst("\\?", parameter.toString());
        }
        String plan = String.join("\n", jdbc.queryForList("EXPLAIN ANALYZE " + sql, String.class));
        Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        assertThat(scanned.find()).as(plan).isTrue();
        return Integer.parseInt(scanned.group(1));
    }
}
