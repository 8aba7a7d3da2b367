package dev.hpo.api.trial;

import static dev.hpo.api.trial.TrialRowMapper.utc;

import dev.hpo.study.Fidelity;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The measurements trials report, kept per attempt: a trial's current measurements are those of its latest attempt,
 * which the {@link TrialStore} reads with the trial when asked. Written only while the trial runs, and only once per
 * step, so a retried report changes nothing.
 */
@Component
public class MeasurementStore {

    private static final String COLUMNS = "m.trial_id, m.attempt, m.step, m.elapsed_seconds, m.metrics_json";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final GroupCommit commits;
    private final TrialRowMapper rows;

    MeasurementStore(JdbcClient jdbc, NamedParameterJdbcTemplate named, GroupCommit commits, TrialRowMapper rows) {
        this.jdbc = jdbc;
        this.named = named;
        this.commits = commits;
        this.rows = rows;
    }

    /** The trial with what its latest attempt reported; a waiting trial's next attempt has reported nothing. */
    Trial withLatestAttempt(Trial trial) {
        if (trial.state() == TrialState.WAITING || trial.attempts() == 0) {
            return trial;
        }
        return trial.withMeasurements(jdbc.sql("SELECT " + COLUMNS + " FROM measurements m"
                        + " WHERE m.trial_id = ? AND m.attempt = ? ORDER BY m.step")
                .params(trial.id(), trial.attempts())
                .query((rs, n) -> rows.measurement(rs))
                .list());
    }

    /** The study's trials, each with what its latest attempt reported, read in one query. */
    List<Trial> withLatestAttempts(long studyId, List<Trial> trials) {
        Map<Long, List<Measurement>> byTrial = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM measurements m JOIN trials t ON t.id = m.trial_id"
                        + " WHERE t.study_id = ? AND m.attempt = t.attempts AND t.state <> 'WAITING'"
                        + " ORDER BY m.trial_id, m.step")
                .param(studyId)
                .query(rs -> {
                    byTrial.computeIfAbsent(rs.getLong("trial_id"), id -> new ArrayList<>()).add(rows.measurement(rs));
                });
        return trials.stream().map(t -> byTrial.containsKey(t.id()) ? t.withMeasurements(byTrial.get(t.id())) : t)
                .toList();
    }

    /** The trials, each with what its latest attempt reported: one query however many they are. */
    List<Trial> withLatestAttempts(List<Trial> trials) {
        Map<Long, List<Measurement>> latest = latest(trials.stream().map(Trial::id).toList());
        return trials.stream().map(t -> latest.containsKey(t.id()) ? t.withMeasurements(latest.get(t.id())) : t)
                .toList();
    }

    /** The latest attempt's measurements of each trial asked for that has any. */
    private Map<Long, List<Measurement>> latest(List<Long> trialIds) {
        Map<Long, List<Measurement>> byTrial = new HashMap<>();
        named.query("SELECT " + COLUMNS + " FROM measurements m JOIN trials t ON t.id = m.trial_id"
                        + " WHERE m.trial_id IN (:ids) AND m.attempt = t.attempts AND t.state <> 'WAITING'"
                        + " ORDER BY m.trial_id, m.step",
                new MapSqlParameterSource("ids", trialIds),
                rs -> {
                    byTrial.computeIfAbsent(rs.getLong("trial_id"), id -> new ArrayList<>()).add(rows.measurement(rs));
                });
        return byTrial;
    }

    /**
     * Each trial's last measurement of its latest attempt, placed by the fidelity: found through the step key, one
     * row per trial, whatever the trials measured before.
     */
    public Map<Long, Double> progress(List<Long> trialIds, Fidelity fidelity) {
        Map<Long, Double> byTrial = new HashMap<>();
        if (trialIds.isEmpty()) {
            return byTrial;
        }
        named.query("SELECT m.trial_id, m.step, m.elapsed_seconds FROM measurements m JOIN trials t ON t.id = m.trial_id"
                        + " WHERE m.trial_id IN (:ids) AND m.attempt = t.attempts AND t.state <> 'WAITING'"
                        + " AND m.step = (SELECT MAX(l.step) FROM measurements l"
                        + " WHERE l.trial_id = m.trial_id AND l.attempt = m.attempt)",
                new MapSqlParameterSource("ids", trialIds),
                rs -> {
                    byTrial.put(rs.getLong(1), fidelity.position(Measurement.of(rs.getLong(2), rs.getDouble(3),
                            Map.of())));
                });
        return byTrial;
    }

    /** Distinct steps each trial of the study reported, over all its attempts, for trials that reported any. */
    public Map<Long, Integer> measuredSteps(long studyId) {
        Map<Long, Integer> steps = new HashMap<>();
        jdbc.sql("SELECT m.trial_id, COUNT(DISTINCT m.step) FROM measurements m JOIN trials t ON t.id = m.trial_id"
                        + " WHERE t.study_id = ? GROUP BY m.trial_id")
                .param(studyId)
                .query(rs -> {
                    steps.put(rs.getLong(1), rs.getInt(2));
                });
        return steps;
    }

    /** Every measurement of the trial, of every attempt. */
    public List<RecordedMeasurement> history(long trialId) {
        return jdbc.sql("SELECT " + COLUMNS + ", m.reported_at FROM measurements m WHERE m.trial_id = ?"
                        + " ORDER BY m.attempt, m.step")
                .param(trialId)
                .query((rs, n) -> recorded(rs))
                .list();
    }

    /** Every measurement of every trial of the study, of every attempt, by trial id, each in attempt and step order. */
    public Map<Long, List<RecordedMeasurement>> historyOfStudy(long studyId) {
        Map<Long, List<RecordedMeasurement>> byTrial = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + ", m.reported_at FROM measurements m JOIN trials t ON t.id = m.trial_id"
                        + " WHERE t.study_id = ? ORDER BY m.trial_id, m.attempt, m.step")
                .param(studyId)
                .query(rs -> {
                    byTrial.computeIfAbsent(rs.getLong("trial_id"), id -> new ArrayList<>()).add(recorded(rs));
                });
        return byTrial;
    }

    private RecordedMeasurement recorded(ResultSet rs) throws SQLException {
        return new RecordedMeasurement(rs.getInt("attempt"), rows.measurement(rs),
                rs.getObject("reported_at", OffsetDateTime.class).toInstant());
    }

    /**
     * Stores a measurement of the trial's current attempt unless that step is stored already: a retried report
     * keeps its first copy.
     */
    public void add(Trial running, Measurement measurement, Instant at) {
        String metrics = rows.write(measurement.metrics());
        try {
            insert(running, measurement, metrics, at);
        } catch (DuplicateKeyException sameStepReportedTwice) {
            // A retried report raced its first delivery in another transaction; the first copy is kept.
        }
    }

    private void insert(Trial running, Measurement measurement, String metrics, Instant at) {
        commits.execute("measurement", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO measurements"
                    + " (trial_id, attempt, step, elapsed_seconds, metrics_json, reported_at)"
                    + " SELECT CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS BIGINT), CAST(? AS DOUBLE PRECISION),"
                    + " CAST(? AS VARCHAR(65536)), CAST(? AS TIMESTAMP WITH TIME ZONE) WHERE NOT EXISTS"
                    + " (SELECT 1 FROM measurements WHERE trial_id = ? AND attempt = ? AND step = ?)")) {
                insert.setLong(1, running.id());
                insert.setInt(2, running.attempts());
                insert.setLong(3, measurement.step());
                insert.setDouble(4, measurement.elapsedSeconds());
                insert.setString(5, metrics);
                insert.setObject(6, utc(at));
                insert.setLong(7, running.id());
                insert.setInt(8, running.attempts());
                insert.setLong(9, measurement.step());
                return insert.executeUpdate();
            }
        });
    }
}
