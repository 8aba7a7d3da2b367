package dev.hpo.api.artifact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The artifact store's table: one row per file kept of a trial. Plain SQL that H2 and PostgreSQL both accept. */
@Component
class ArtifactRows {

    private static final String COLUMNS = "a.id, a.trial_id, t.number, a.name, a.size_bytes, a.sha256, a.created_at,"
            + " a.stored";
    private static final String FROM = " FROM artifacts a JOIN trials t ON t.id = a.trial_id";

    private final JdbcClient jdbc;

    ArtifactRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new row's id */
    long insert(long trialId, String name, long sizeBytes, String sha256, Instant createdAt, boolean stored) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO artifacts (trial_id, name, size_bytes, sha256, created_at, stored)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(trialId, name, sizeBytes, sha256, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC), stored)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    List<StoredArtifact> ofTrial(long trialId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE a.trial_id = ? ORDER BY a.name")
                .param(trialId).query(ArtifactRows::row).list();
    }

    Optional<StoredArtifact> find(long trialId, String name) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE a.trial_id = ? AND a.name = ?")
                .params(trialId, name).query(ArtifactRows::row).optional();
    }

    /** Every file kept of the study's trials, by trial number and name. */
    List<StoredArtifact> ofStudy(long studyId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE t.study_id = ? ORDER BY t.number, a.name")
                .param(studyId).query(ArtifactRows::row).list();
    }

    /** How many files each trial of the study has that has any, by trial id. */
    Map<Long, Long> countsOfStudy(long studyId) {
        return ofStudy(studyId).stream().collect(Collectors.groupingBy(StoredArtifact::trialId,
                Collectors.counting()));
    }

    /** @return whether the row was there */
    boolean delete(long id) {
        return jdbc.sql("DELETE FROM artifacts WHERE id = ?").param(id).update() > 0;
    }

    private static StoredArtifact row(ResultSet rs, int n) throws SQLException {
        return new StoredArtifact(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                rs.getString(6).trim(), rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getBoolean(8));
    }
}
