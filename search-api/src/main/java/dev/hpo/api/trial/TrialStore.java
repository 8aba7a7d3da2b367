package dev.hpo.api.trial;

import static dev.hpo.api.trial.TrialRowMapper.TRIAL_COLUMNS;
import static dev.hpo.api.trial.TrialRowMapper.utc;

import dev.hpo.api.study.StudyTrials;
import dev.hpo.trial.IllegalTrialTransitionException;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Every trial the service keeps, read as {@link Trial} values (with its latest attempt's measurements, from the
 * {@link MeasurementStore}, when asked) and changed through one method,
 * {@link #update}: a compare-and-set that writes a trial's new value only if its row still holds the value the
 * change was computed from, and only along the moves {@link TrialState} allows. However many workers, reapers and
 * service instances act on a trial at once, exactly one of them wins each change, and the others see that they
 * lost and read the trial again.
 *
 * <p>Plain SQL that H2 and PostgreSQL both accept. Writes made outside a caller's transaction commit together with
 * those of concurrent requests ({@link GroupCommit}).
 */
@Component
public class TrialStore implements StudyTrials {

    private final JdbcClient jdbc;
    private final GroupCommit commits;
    private final TrialRowMapper rows;
    private final MeasurementStore measurements;

    TrialStore(JdbcClient jdbc, GroupCommit commits, TrialRowMapper rows, MeasurementStore measurements) {
        this.jdbc = jdbc;
        this.commits = commits;
        this.rows = rows;
        this.measurements = measurements;
    }

    /** The trial with the measurements of its latest attempt. */
    public Optional<Trial> find(long trialId) {
        return find(trialId, true);
    }

    /**
     * The trial, with or without its latest attempt's measurements: only a trial about to end early keeps its last
     * measurement, so the worker protocol's other reads leave them out.
     */
    public Optional<Trial> find(long trialId, boolean withMeasurements) {
        Optional<Trial> trial = jdbc.sql("SELECT " + TRIAL_COLUMNS + " FROM trials WHERE id = ?")
                .param(trialId)
                .query((rs, n) -> rows.trial(rs))
                .optional();
        return withMeasurements ? trial.map(measurements::withLatestAttempt) : trial;
    }

    /**
     * Every trial of the study in number order.
     *
     * @param withMeasurements whether to read each trial's latest measurements too: the whole history, from which
     *        early stopping's verdicts can be checked; rankings, lists and the search do without, and early stopping
     *        itself reads the rung scores, since for a large study the measurements are most of what is stored
     */
    public List<Trial> ofStudy(long studyId, boolean withMeasurements) {
        List<Trial> trials = jdbc.sql("SELECT " + TRIAL_COLUMNS + " FROM trials WHERE study_id = ? ORDER BY number")
                .param(studyId)
                .query((rs, n) -> rows.trial(rs))
                .list();
        return withMeasurements ? measurements.withLatestAttempts(studyId, trials) : trials;
    }

    @Override
    public List<Trial> trials(long studyId) {
        return ofStudy(studyId, false);
    }

    /**
     * The trials among {@code trialIds} that exist, in no particular order: one query for the trials and, when
     * asked, one for their latest attempts' measurements, however many trials are asked for.
     */
    public List<Trial> find(Collection<Long> trialIds, boolean withMeasurements) {
        if (trialIds.isEmpty()) {
            return List.of();
        }
        List<Trial> trials = jdbc.sql("SELECT " + TRIAL_COLUMNS + " FROM trials WHERE id IN (:ids)")
                .param("ids", trialIds)
                .query((rs, n) -> rows.trial(rs))
                .list();
        return withMeasurements ? measurements.withLatestAttempts(trials) : trials;
    }

    /**
     * A tag of what is stored of the study's trials, which changes whenever any of it changes: a trial is added,
     * a trial changes (every {@link #update} bumps its row's version), or a running trial reports a measurement.
     * Heartbeats leave it alone. Readers that keep a view of the trials compare it to know when to read again.
     */
    public String revision(long studyId) {
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(version), 0),"
                        + " (SELECT COUNT(*) FROM measurements m JOIN trials r ON r.id = m.trial_id"
                        + "   WHERE r.study_id = ? AND r.state = 'RUNNING')"
                        + " FROM trials WHERE study_id = ?")
                .params(studyId, studyId)
                .query((rs, n) -> rs.getLong(1) + "-" + rs.getLong(2) + "-" + rs.getLong(3))
                .single();
    }

    /** One page of the study's trials in number order, optionally of one state, without measurements. */
    public List<Trial> page(long studyId, Optional<TrialState> state, int page, int size) {
        return jdbc.sql("SELECT " + TRIAL_COLUMNS + " FROM trials WHERE study_id = ?"
                        + (state.isPresent() ? " AND state = ?" : "")
                        + " ORDER BY number OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(state.isPresent()
                        ? List.of(studyId, state.get().name(), (long) page * size, size)
                        : List.of(studyId, (long) page * size, size))
                .query((rs, n) -> rows.trial(rs))
                .list();
    }

    /** How many trials the study has, optionally of one state. */
    public long count(long studyId, Optional<TrialState> state) {
        return state.isPresent()
                ? jdbc.sql("SELECT COUNT(*) FROM trials WHERE study_id = ? AND state = ?")
                        .params(studyId, state.get().name()).query(Long.class).single()
                : jdbc.sql("SELECT COUNT(*) FROM trials WHERE study_id = ?").param(studyId).query(Long.class).single();
    }

    @Override
    public Map<TrialState, Long> counts(long studyId) {
        Map<TrialState, Long> counts = new EnumMap<>(TrialState.class);
        for (TrialState s : TrialState.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("SELECT state, COUNT(*) FROM trials WHERE study_id = ? GROUP BY state")
                .param(studyId)
                .query(rs -> {
                    counts.put(TrialState.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /**
     * A study's first waiting trials in run order: enqueued configurations first, then by number. The order names
     * the index's leading columns too, fixed as they are by the condition: H2 reads rows in an index's order only
     * when the ORDER BY starts with that index's columns, and otherwise reads and sorts every waiting trial of the
     * study to return the first few.
     */
    static final String WAITING_IN_RUN_ORDER = "SELECT " + TRIAL_COLUMNS + " FROM trials"
            + " WHERE study_id = ? AND state = 'WAITING'"
            + " ORDER BY study_id, state, enqueued DESC, number ASC FETCH FIRST ? ROWS ONLY";

    /** Up to {@code limit} waiting trials of the study in run order; a waiting trial has no measurements. */
    public List<Trial> waiting(long studyId, int limit) {
        return jdbc.sql(WAITING_IN_RUN_ORDER).params(studyId, limit).query((rs, n) -> rows.trial(rs)).list();
    }

    /**
     * The RUNNING trials a worker holds in a study. H2 reads them through the worker-first index (migration V4);
     * with the study first, its planner chose the (study, state) index and read every running trial of the study.
     */
    static final String HELD_BY_WORKER = "SELECT " + TRIAL_COLUMNS + " FROM trials"
            + " WHERE worker_id = ? AND study_id = ? AND state = 'RUNNING' ORDER BY number";

    /** The running trials a worker holds in a study, by number, with their measurements. */
    public List<Trial> held(long studyId, String workerId) {
        List<Trial> held = jdbc.sql(HELD_BY_WORKER).params(workerId, studyId).query((rs, n) -> rows.trial(rs)).list();
        return held.isEmpty() ? held : held.stream().map(measurements::withLatestAttempt).toList();
    }

    /** The study's running trials whose worker has not been heard from since {@code cutoff}. */
    public List<Trial> silent(long studyId, Instant cutoff) {
        return jdbc.sql("SELECT " + TRIAL_COLUMNS + " FROM trials"
                        + " WHERE state = 'RUNNING' AND heartbeat_at < ? AND study_id = ? ORDER BY number")
                .params(utc(cutoff), studyId)
                .query((rs, n) -> rows.trial(rs))
                .list();
    }

    /** Studies with at least one running trial: a probe of the (study, state) indexes per study, not a scan of trials. */
    public List<Long> studiesWithRunningTrials() {
        return jdbc.sql("SELECT s.id FROM studies s WHERE EXISTS"
                        + " (SELECT 1 FROM trials t WHERE t.study_id = s.id AND t.state = 'RUNNING') ORDER BY s.id")
                .query(Long.class).list();
    }

    /**
     * Whether, and how many, trials of a study wait or run. Each state is looked up on its own: with both in one
     * {@code IN} list the databases may walk the study's finished trials too, which grow with the study, while one
     * state is a narrow range of the (study, state) index.
     */
    @Override
    public boolean anyActive(long studyId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM trials WHERE study_id = ? AND state = 'WAITING')"
                        + " OR EXISTS (SELECT 1 FROM trials WHERE study_id = ? AND state = 'RUNNING')")
                .params(studyId, studyId)
                .query(Boolean.class)
                .single();
    }

    /** Trials of the study that wait or run. */
    public long activeCount(long studyId) {
        return count(studyId, Optional.of(TrialState.WAITING)) + running(studyId);
    }

    /** Trials of the study that run. */
    public long running(long studyId) {
        return count(studyId, Optional.of(TrialState.RUNNING));
    }

    /**
     * Stores new trials, each WAITING; called while the study's row is locked, which serialises trial numbers.
     *
     * @return the trials with the ids the store gave them
     */
    public List<Trial> create(List<Trial> trials) {
        List<Trial> created = new ArrayList<>(trials.size());
        for (Trial t : trials) {
            if (t.state() != TrialState.WAITING) {
                throw new IllegalArgumentException("a new trial waits for its worker; trial " + t.number() + " is "
                        + t.state());
            }
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO trials (study_id, number, config_key, repeat_index, parameters_json, enqueued,"
                            + " confirmation, state, attempts, created_at, version)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, 'WAITING', 0, ?, 0)")
                    .params(t.studyId(), t.number(), t.configKey(), t.repeat(), rows.write(t.parameters().values()),
                            t.enqueued(), t.confirmation(), utc(t.createdAt()))
                    .update(key, "id");
            created.add(t.withId(key.getKeyAs(Number.class).longValue()));
        }
        return created;
    }

    /**
     * Changes a trial from {@code before}, the value it was read as, to {@code after}: the single way a stored
     * trial changes, apart from its heartbeat. The change is written only if the row still holds what
     * {@code before} says of its state, attempt, worker, stop request and last heartbeat, so a caller that computed
     * it from a stale read loses and should read the trial again.
     *
     * @return true when this call made the change
     * @throws IllegalTrialTransitionException when {@code TrialState} does not allow the move (a finished trial
     *         never changes; a running trial may stay running only to be told to stop)
     */
    public boolean update(Trial before, Trial after) {
        if (before.id() != after.id()) {
            throw new IllegalArgumentException("a trial cannot become another trial");
        }
        boolean stopRequest = before.state() == TrialState.RUNNING && after.state() == TrialState.RUNNING;
        if (!stopRequest && !before.state().canMoveTo(after.state())) {
            throw new IllegalTrialTransitionException(before.state(), after.state());
        }
        TrialUpdate update = new TrialUpdate(before, after);
        return commits.execute("trial update", connection -> update.apply(connection, rows::write)) == 1;
    }

    /**
     * Records that the worker holding a running trial is alive. Not a change of the trial's result or state, so it
     * leaves the row's version alone.
     *
     * @return false when the trial is no longer running for that worker
     */
    public boolean heartbeat(Trial running, Instant at) {
        return commits.execute("heartbeat", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE trials SET heartbeat_at = ?"
                    + " WHERE id = ? AND state = 'RUNNING' AND attempts = ?")) {
                update.setObject(1, utc(at));
                update.setLong(2, running.id());
                update.setInt(3, running.attempts());
                return update.executeUpdate();
            }
        }) == 1;
    }

    /**
     * The study ended: its waiting trials stop at once and the workers of its running trials are told to stop.
     * Runs in the caller's transaction, which holds the study's lock.
     */
    @Override
    public void endStudy(long studyId, Instant at) {
        TrialState.WAITING.moveTo(TrialState.STOPPED);
        commits.execute("end of study " + studyId, connection -> {
            try (PreparedStatement stopWaiting = connection.prepareStatement("UPDATE trials SET state = 'STOPPED',"
                    + " finished_at = ?, version = version + 1 WHERE study_id = ? AND state = 'WAITING'");
                 PreparedStatement stopRunning = connection.prepareStatement("UPDATE trials"
                         + " SET stop_reason = 'STOPPED', version = version + 1"
                         + " WHERE study_id = ? AND state = 'RUNNING' AND stop_reason IS NULL")) {
                stopWaiting.setObject(1, utc(at));
                stopWaiting.setLong(2, studyId);
                stopRunning.setLong(1, studyId);
                return stopWaiting.executeUpdate() + stopRunning.executeUpdate();
            }
        });
    }
}
