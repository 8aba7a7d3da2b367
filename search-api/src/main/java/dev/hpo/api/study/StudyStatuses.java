package dev.hpo.api.study;

import dev.hpo.study.StudyState;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a study's {@link StudyStatus} in plain SQL, H2 and PostgreSQL alike. */
@Component
public class StudyStatuses {

    private final JdbcClient jdbc;

    StudyStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StudyStatus> find(long studyId) {
        return jdbc.sql("SELECT state, trials_created, exhausted, created_at FROM studies WHERE id = ?")
                .param(studyId)
                .query((rs, row) -> new StudyStatus(studyId, StudyState.valueOf(rs.getString("state")),
                        rs.getLong("trials_created"), rs.getBoolean("exhausted"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional();
    }
}
