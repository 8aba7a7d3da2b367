package dev.hpo.api.trial;

import dev.hpo.trial.TrialState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads and finishes single trials for the worker protocol in plain SQL (H2 and PostgreSQL alike): a completion
 * reads one row and changes one, and the entity layer's loading, tracking and flushing would cost more than that.
 * The change commits with the other writes that arrive with it ({@link GroupCommit}).
 */
@Component
class TrialRows {

    private final JdbcClient jdbc;
    private final GroupCommit commits;

    TrialRows(JdbcClient jdbc, GroupCommit commits) {
        this.jdbc = jdbc;
        this.commits = commits;
    }

    Optional<TrialRow> find(long trialId) {
        return jdbc.sql("SELECT id, study_id, number, config_key, repeat_index, parameters_json, enqueued, state,"
                        + " stop_reason, worker_id, attempts, metrics_json, failure_reason, created_at, started_at,"
                        + " finished_at, heartbeat_at FROM trials WHERE id = ?")
                .param(trialId)
                .query((rs, row) -> new TrialRow(rs.getLong("id"), rs.getLong("study_id"), rs.getLong("number"),
                        rs.getLong("config_key"), rs.getInt("repeat_index"), rs.getString("parameters_json"),
                        rs.getBoolean("enqueued"), state(rs, "state"), state(rs, "stop_reason"),
                        rs.getString("worker_id"), rs.getInt("attempts"), rs.getString("metrics_json"),
                        rs.getString("failure_reason"), instant(rs, "created_at"), instant(rs, "started_at"),
                        instant(rs, "finished_at"), instant(rs, "heartbeat_at")))
                .optional();
    }

    /** RUNNING to a finished state with the worker's results, as a compare-and-set; true when this call won. */
    boolean finish(long trialId, TrialState end, String metricsJson, String reason, Instant now) {
        OffsetDateTime at = TrialClaims.utc(now);
        return commits.execute("completion", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE trials SET state = ?,"
                    + " metrics_json = ?, failure_reason = ?, finished_at = ?, version = version + 1"
                    + " WHERE id = ? AND state = 'RUNNING'")) {
                update.setString(1, end.name());
                update.setString(2, metricsJson);
                update.setString(3, reason);
                update.setObject(4, at);
                update.setLong(5, trialId);
                return update.executeUpdate();
            }
        }) == 1;
    }

    private static TrialState state(ResultSet rs, String column) throws SQLException {
        String name = rs.getString(column);
        return name == null ? null : TrialState.valueOf(name);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
