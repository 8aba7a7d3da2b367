package dev.hpo.api.artifact;

import dev.hpo.protocol.ArtifactReference;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A study's files as a study archive names them: by trial number, name, size and checksum, without their bytes.
 * An archive carries the references, so an imported study lists its files; downloading one answers that the import
 * did not carry it.
 */
@Component
public class ArtifactReferences {

    private final ArtifactRows rows;
    private final JdbcClient jdbc;
    private final Clock clock;

    ArtifactReferences(ArtifactRows rows, JdbcClient jdbc, Clock clock) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The files kept of the study's trials, by trial number and name. */
    public List<ArtifactReference> ofStudy(long studyId) {
        return rows.ofStudy(studyId).stream()
                .map(a -> new ArtifactReference(a.trialNumber(), a.name(), a.sizeBytes(), a.sha256())).toList();
    }

    /** The names of the files each trial of the study has here to download, by trial id; trials without none. */
    public Map<Long, List<String>> downloadable(long studyId) {
        Map<Long, List<String>> names = new HashMap<>();
        rows.ofStudy(studyId).stream().filter(StoredArtifact::stored)
                .forEach(a -> names.computeIfAbsent(a.trialId(), id -> new ArrayList<>()).add(a.name()));
        return names;
    }

    /**
     * Records references of a study stored in the caller's transaction, each without its file.
     *
     * @param references checked already: each names a trial of the study and a plain file name, once
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void importInto(long studyId, List<ArtifactReference> references) {
        for (ArtifactReference r : references) {
            jdbc.sql("INSERT INTO artifacts (trial_id, name, size_bytes, sha256, created_at, stored)"
                            + " SELECT id, ?, ?, ?, ?, FALSE FROM trials WHERE study_id = ? AND number = ?")
                    .params(r.name(), r.sizeBytes(), r.sha256(),
                            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), studyId,
                            r.trialNumber())
                    .update();
        }
    }
}
