package dev.hpo.api.artifact;

import dev.hpo.api.error.ApiException;
import dev.hpo.api.error.BodyTooLargeException;
import dev.hpo.api.study.StudyCatalog;
import dev.hpo.api.study.StudyStatuses;
import dev.hpo.api.trial.TrialStore;
import dev.hpo.protocol.ArtifactView;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Trials' files: a worker's upload of a running trial's file, and the listing and reading of kept ones. An upload is
 * received whole and its SHA-256 checked before anything is kept; then its row and its file are kept together or not
 * at all, so a refused, broken or corrupt upload leaves nothing behind.
 */
@Service
class Artifacts {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final ArtifactRows rows;
    private final ArtifactFiles files;
    private final TrialStore trials;
    private final StudyStatuses statuses;
    private final StudyCatalog catalog;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Artifacts(ArtifactRows rows, ArtifactFiles files, TrialStore trials, StudyStatuses statuses, StudyCatalog catalog,
              TransactionTemplate transaction, Clock clock) {
        this.rows = rows;
        this.files = files;
        this.trials = trials;
        this.statuses = statuses;
        this.catalog = catalog;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Keeps a file of a running trial, replacing one of the same name (a retried upload).
     *
     * @throws ApiException.NotFound when the trial does not exist
     * @throws ApiException.Conflict when its study keeps no artifacts, the trial is a confirmation run, or it is not
     *     running for this worker
     * @throws ApiException.InvalidRequest for a bad name or checksum, or a body whose SHA-256 differs from it
     * @throws ApiException.PayloadTooLarge when the body exceeds the service's limit
     */
    ArtifactView upload(long trialId, String workerId, String name, String sha256, InputStream body) {
        Trial trial = trials.find(trialId, false)
                .orElseThrow(() -> new ApiException.NotFound("Trial " + trialId + " does not exist."));
        ArtifactName.problem(name).ifPresent(p -> {
            throw ApiException.InvalidRequest.of("name", p);
        });
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw ApiException.InvalidRequest.of(ArtifactView.CHECKSUM_HEADER, "must be the SHA-256 of the body as "
                    + "64 lowercase hex digits");
        }
        if (!catalog.spec(statuses.find(trial.studyId()).orElseThrow()).artifacts().keepsAny()) {
            throw new ApiException.Conflict("Study " + trial.studyId() + " keeps no artifacts; its spec would need "
                    + "\"artifacts\": {\"keep\": K}.");
        }
        if (trial.confirmation()) {
            throw new ApiException.Conflict("Trial " + trialId + " is a confirmation run; confirmation runs keep no "
                    + "artifacts.");
        }
        if (trial.state() != TrialState.RUNNING || workerId == null || !workerId.equals(trial.workerId())) {
            throw new ApiException.Conflict("Trial " + trialId + " is " + trial.state() + (trial.state()
                    == TrialState.RUNNING ? " for another worker" : "") + "; only the worker running a trial "
                    + "uploads its files.");
        }
        ArtifactFiles.Incoming incoming = receive(body);
        try {
            if (!incoming.sha256().equals(sha256)) {
                throw ApiException.InvalidRequest.of(ArtifactView.CHECKSUM_HEADER, "the body's SHA-256 is "
                        + incoming.sha256() + ", not " + sha256 + ": it changed on its way; nothing was stored");
            }
            return keep(trial, name, incoming);
        } finally {
            ArtifactFiles.deleteQuietly(incoming.file());
        }
    }

    /** The files kept of a trial, by name; references of an import among them. */
    List<ArtifactView> list(long studyId, long trialId) {
        return rows.ofTrial(trial(studyId, trialId).id()).stream().map(Artifacts::view).toList();
    }

    /** A kept file and where its bytes lie. */
    record Download(ArtifactView artifact, Path file) {
    }

    /**
     * @throws ApiException.NotFound naming the study, trial or file that does not exist, or saying that an import
     *     brought only the file's reference
     */
    Download download(long studyId, long trialId, String name) {
        Trial trial = trial(studyId, trialId);
        StoredArtifact artifact = rows.find(trial.id(), name).orElseThrow(() -> new ApiException.NotFound(
                "Trial " + trialId + " of study " + studyId + " has no artifact named '" + name + "'."));
        if (!artifact.stored()) {
            throw new ApiException.NotFound("The artifact '" + name + "' of trial " + trialId + " was not carried by"
                    + " the import of study " + studyId + ": only its name, size and checksum are known here.");
        }
        return new Download(view(artifact), files.path(trial.id(), artifact.id()));
    }

    static ArtifactView view(StoredArtifact a) {
        return new ArtifactView(a.trialId(), a.name(), a.sizeBytes(), a.sha256(), a.createdAt(), a.stored());
    }

    private Trial trial(long studyId, long trialId) {
        if (statuses.find(studyId).isEmpty()) {
            throw new ApiException.NotFound("Study " + studyId + " does not exist.");
        }
        Optional<Trial> trial = trials.find(trialId, false).filter(t -> t.studyId() == studyId);
        return trial.orElseThrow(() -> new ApiException.NotFound("Study " + studyId + " has no trial " + trialId
                + "."));
    }

    private ArtifactFiles.Incoming receive(InputStream body) {
        try {
            return files.receive(body);
        } catch (BodyTooLargeException e) {
            throw new ApiException.PayloadTooLarge(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be received", e);
        }
    }

    /** The row and the file together: a failure to place the file, or to commit, leaves neither. */
    private ArtifactView keep(Trial trial, String name, ArtifactFiles.Incoming incoming) {
        Optional<StoredArtifact> replaced = rows.find(trial.id(), name);
        AtomicLong placed = new AtomicLong(-1);
        try {
            transaction.executeWithoutResult(status -> {
                replaced.ifPresent(old -> rows.delete(old.id()));
                long id = rows.insert(trial.id(), name, incoming.sizeBytes(), incoming.sha256(), clock.instant(),
                        true);
                try {
                    files.keep(incoming, trial.id(), id);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot keep the file in the artifact store", e);
                }
                placed.set(id);
            });
        } catch (RuntimeException e) {
            if (placed.get() >= 0) {
                files.delete(trial.id(), placed.get());
            }
            throw e;
        }
        replaced.ifPresent(old -> files.delete(trial.id(), old.id()));
        return view(rows.find(trial.id(), name).orElseThrow());
    }
}
