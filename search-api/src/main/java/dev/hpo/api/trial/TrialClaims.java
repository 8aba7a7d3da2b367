package dev.hpo.api.trial;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements a suggestion runs on every request, in plain SQL that H2 and PostgreSQL both accept. They skip
 * the entity layer: a suggestion reads a few columns and changes one row, and loading, tracking and flushing
 * entities for that cost several times the statements themselves. The claim commits with the other writes that
 * arrive with it ({@link GroupCommit}).
 */
@Component
class TrialClaims {

    private static final String HANDED_COLUMNS = "id, study_id, number, config_key, repeat_index, attempts,"
            + " parameters_json";

    private final JdbcClient jdbc;
    private final GroupCommit commits;

    TrialClaims(JdbcClient jdbc, GroupCommit commits) {
        this.jdbc = jdbc;
        this.commits = commits;
    }

    /**
     * A study's first waiting trials in run order: enqueued configurations first, then by number. The order names
     * the index's leading columns too, fixed as they are by the condition: H2 reads rows in an index's order only
     * when the ORDER BY starts with that index's columns, and otherwise reads and sorts every waiting trial of the
     * study to return the first few.
     */
    static final String WAITING_IN_RUN_ORDER = "SELECT " + HANDED_COLUMNS + ", version FROM trials"
            + " WHERE study_id = ? AND state = 'WAITING'"
            + " ORDER BY study_id, state, enqueued DESC, number ASC FETCH FIRST ? ROWS ONLY";

    /** Up to {@code limit} waiting trials of the study in run order. */
    List<WaitingTrial> waiting(long studyId, int limit) {
        return jdbc.sql(WAITING_IN_RUN_ORDER)
                .params(studyId, limit)
                .query((rs, row) -> new WaitingTrial(rs.getLong("id"), rs.getLong("version"),
                        new HandedTrial(rs.getLong("id"), rs.getLong("study_id"), rs.getLong("number"),
                                rs.getLong("config_key"), rs.getInt("repeat_index"), rs.getInt("attempts") + 1,
                                rs.getString("parameters_json"))))
                .list();
    }

    /**
     * WAITING to RUNNING for one worker, as a compare-and-set on the version read: true for exactly one of any
     * number of concurrent callers, and only if nothing changed the trial since it was read.
     */
    boolean claim(WaitingTrial trial, String workerId, Instant now) {
        OffsetDateTime at = utc(now);
        return commits.execute("claim", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE trials SET state = 'RUNNING',"
                    + " worker_id = ?, started_at = ?, heartbeat_at = ?, attempts = attempts + 1, version = version + 1"
                    + " WHERE id = ? AND state = 'WAITING' AND version = ?")) {
                update.setString(1, workerId);
                update.setObject(2, at);
                update.setObject(3, at);
                update.setLong(4, trial.id());
                update.setLong(5, trial.version());
                return update.executeUpdate();
            }
        }) == 1;
    }

    /**
     * The RUNNING trials a worker holds in a study. H2 reads them through the worker-first index (migration V4);
     * with the study first, its planner chose the (study, state) index and read every running trial of the study.
     */
    static final String HELD_BY_WORKER = "SELECT " + HANDED_COLUMNS + " FROM trials"
            + " WHERE study_id = ? AND worker_id = ? AND state = 'RUNNING' ORDER BY number";

    /** The RUNNING trials a worker holds in a study, by number. */
    List<HandedTrial> held(long studyId, String workerId) {
        return jdbc.sql(HELD_BY_WORKER)
                .params(studyId, workerId)
                .query((rs, row) -> new HandedTrial(rs.getLong("id"), rs.getLong("study_id"), rs.getLong("number"),
                        rs.getLong("config_key"), rs.getInt("repeat_index"), rs.getInt("attempts"),
                        rs.getString("parameters_json")))
                .list();
    }

    long running(long studyId) {
        return jdbc.sql("SELECT COUNT(*) FROM trials WHERE study_id = ? AND state = 'RUNNING'")
                .param(studyId)
                .query(Long.class)
                .single();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
