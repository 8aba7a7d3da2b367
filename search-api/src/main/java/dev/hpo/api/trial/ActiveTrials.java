package dev.hpo.api.trial;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether, and how many, trials of a study are WAITING or RUNNING, asked on every completion. Each state is looked
 * up on its own: with both in one {@code IN} list the databases may walk the study's finished trials too, which
 * grow with the study, while one state is a narrow range of the (study, state) index.
 */
@Component
public class ActiveTrials {

    private final JdbcClient jdbc;

    ActiveTrials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True while a trial of the study waits or runs. */
    public boolean any(long studyId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM trials WHERE study_id = ? AND state = 'WAITING')"
                        + " OR EXISTS (SELECT 1 FROM trials WHERE study_id = ? AND state = 'RUNNING')")
                .params(studyId, studyId)
                .query(Boolean.class)
                .single();
    }

    /** Trials of the study that wait or run. */
    public long count(long studyId) {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM trials WHERE study_id = ? AND state = 'WAITING')"
                        + " + (SELECT COUNT(*) FROM trials WHERE study_id = ? AND state = 'RUNNING')")
                .params(studyId, studyId)
                .query(Long.class)
                .single();
    }
}
