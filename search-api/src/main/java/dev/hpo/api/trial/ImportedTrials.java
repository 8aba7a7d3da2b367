package dev.hpo.api.trial;

import static dev.hpo.api.trial.TrialRowMapper.utc;

import dev.hpo.trial.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores the trials of a study brought from an archive as they ended, with what every attempt of each measured.
 * The one way a trial is stored finished: {@link TrialStore#create} stores new trials waiting, and only
 * {@link TrialStore#update} moves them on. The writes belong to the caller's transaction, which stores the study too,
 * so that an import that fails half way leaves nothing behind.
 */
@Component
public class ImportedTrials {

    private static final String INSERT_TRIAL = "INSERT INTO trials (study_id, number, config_key, repeat_index,"
            + " parameters_json, enqueued, confirmation, state, stop_reason, worker_id, engine, attempts, metrics_json,"
            + " failure_reason, created_at, started_at, finished_at, heartbeat_at, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";

    private static final String INSERT_MEASUREMENT = "INSERT INTO measurements"
            + " (trial_id, attempt, step, elapsed_seconds, metrics_json, reported_at) VALUES (?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TrialRowMapper rows;

    ImportedTrials(JdbcClient jdbc, JdbcTemplate batches, TrialRowMapper rows) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.rows = rows;
    }

    /**
     * Stores the study's trials and their measurements.
     *
     * @param trials finished trials, their study and ids not yet given
     * @param measurements each trial's measurements of every attempt, by trial number
     * @throws IllegalArgumentException when a trial has not finished
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void store(long studyId, List<Trial> trials, Map<Long, List<RecordedMeasurement>> measurements) {
        List<Object[]> measurementRows = new ArrayList<>();
        for (Trial t : trials) {
            if (!t.isFinished()) {
                throw new IllegalArgumentException("an imported trial has finished; trial " + t.number() + " is "
                        + t.state());
            }
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql(INSERT_TRIAL)
                    .params(studyId, t.number(), t.configKey(), t.repeat(), rows.write(t.parameters().values()),
                            t.enqueued(), t.confirmation(), t.state().name(),
                            t.stopRequested() == null ? null : t.stopRequested().name(), t.workerId(), t.engine(),
                            t.attempts(), t.metrics().isEmpty() ? null : rows.write(t.metrics()), t.failureReason(),
                            utc(t.createdAt()), utc(t.startedAt()), utc(t.finishedAt()), utc(t.heartbeatAt()))
                    .update(key, "id");
            long id = key.getKeyAs(Number.class).longValue();
            for (RecordedMeasurement m : measurements.getOrDefault(t.number(), List.of())) {
                measurementRows.add(new Object[] {id, m.attempt(), m.measurement().step(),
                        m.measurement().elapsedSeconds(), rows.write(m.measurement().metrics()),
                        utc(m.reportedAt())});
            }
        }
        batches.batchUpdate(INSERT_MEASUREMENT, measurementRows);
    }
}
