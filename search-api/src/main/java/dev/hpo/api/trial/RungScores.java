package dev.hpo.api.trial;

import dev.hpo.trial.Trial;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rung scores of the {@link TrialStore}: each trial's losses at every early-stopping rung it reached, kept when
 * it got there (migration V6), so that a decision at a rung reads that rung's scores in one query over the key's
 * leading columns instead of the study's measurements. Only the latest attempt of a trial that is not waiting
 * counts, as with its measurements.
 */
@Component
class RungScores {

    private static final String LATEST_ATTEMPTS_AT_RUNG = "SELECT r.first_loss, r.second_loss FROM rung_scores r"
            + " JOIN trials t ON t.id = r.trial_id"
            + " WHERE r.study_id = ? AND r.rung = ? AND r.trial_id <> ? AND r.attempt = t.attempts";

    private final JdbcClient jdbc;
    private final GroupCommit commits;

    RungScores(JdbcClient jdbc, GroupCommit commits) {
        this.jdbc = jdbc;
        this.commits = commits;
    }

    /** Keeps the trial's losses at a rung of its current attempt, unless kept already: a retried report's copy. */
    void add(Trial running, int rung, double[] losses) {
        try {
            commits.execute("rung score", connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rung_scores"
                        + " (study_id, rung, trial_id, attempt, first_loss, second_loss)"
                        + " SELECT CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS BIGINT), CAST(? AS INTEGER),"
                        + " CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION) WHERE NOT EXISTS"
                        + " (SELECT 1 FROM rung_scores WHERE study_id = ? AND rung = ? AND trial_id = ? AND attempt = ?)")) {
                    insert.setLong(1, running.studyId());
                    insert.setInt(2, rung);
                    insert.setLong(3, running.id());
                    insert.setInt(4, running.attempts());
                    insert.setDouble(5, losses[0]);
                    if (losses.length > 1) {
                        insert.setDouble(6, losses[1]);
                    } else {
                        insert.setNull(6, Types.DOUBLE);
                    }
                    insert.setLong(7, running.studyId());
                    insert.setInt(8, rung);
                    insert.setLong(9, running.id());
                    insert.setInt(10, running.attempts());
                    return insert.executeUpdate();
                }
            });
        } catch (DuplicateKeyException sameRungReportedTwice) {
            // A retried report raced its first delivery in another transaction; the first copy is kept.
        }
    }

    /**
     * The losses other trials of the study had at a rung, each by its latest attempt: of every trial but waiting
     * ones, or of completed trials only.
     */
    List<double[]> at(long studyId, int rung, long exceptTrialId, boolean completedOnly, int objectives) {
        return jdbc.sql(LATEST_ATTEMPTS_AT_RUNG + (completedOnly ? " AND t.state = 'COMPLETE'"
                        : " AND t.state <> 'WAITING'"))
                .params(studyId, rung, exceptTrialId)
                .query((rs, n) -> objectives == 1 ? new double[] {rs.getDouble(1)}
                        : new double[] {rs.getDouble(1), rs.getDouble(2)})
                .list();
    }
}
