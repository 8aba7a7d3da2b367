package dev.hpo.api.portable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.api.artifact.ArtifactReferences;
import dev.hpo.api.error.ApiException;
import dev.hpo.api.study.StudyEntity;
import dev.hpo.api.study.StudyRepository;
import dev.hpo.api.trial.MeasurementStore;
import dev.hpo.api.trial.RecordedMeasurement;
import dev.hpo.api.trial.TrialStore;
import dev.hpo.protocol.ArchivedMeasurement;
import dev.hpo.protocol.ArchivedStudy;
import dev.hpo.protocol.ArchivedTrial;
import dev.hpo.protocol.StudyArchive;
import dev.hpo.trial.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a finished study, its trials, every measurement they reported and references to the files kept of them
 * (name, size, checksum; not the bytes) as one {@link StudyArchive}.
 */
@Service
class StudyExport {

    private final StudyRepository studies;
    private final TrialStore trials;
    private final MeasurementStore measurements;
    private final ArtifactReferences artifacts;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    StudyExport(StudyRepository studies, TrialStore trials, MeasurementStore measurements,
                ArtifactReferences artifacts, TransactionTemplate transaction, ObjectMapper json) {
        this.studies = studies;
        this.trials = trials;
        this.measurements = measurements;
        this.artifacts = artifacts;
        this.transaction = transaction;
        this.json = json;
    }

    /**
     * @throws ApiException.NotFound when the study does not exist
     * @throws ApiException.Conflict while the study runs or any of its trials waits or runs: an archive holds what
     *     can no longer change
     */
    StudyArchive export(long studyId) {
        // One transaction, so the trials and their measurements are read as of one moment.
        return transaction.execute(status -> {
            StudyEntity study = studies.findById(studyId)
                    .orElseThrow(() -> new ApiException.NotFound("Study " + studyId + " does not exist."));
            if (!study.getState().finished()) {
                throw new ApiException.Conflict("Study " + studyId + " is still running; stop it or let it finish"
                        + " before exporting it.");
            }
            List<Trial> all = trials.ofStudy(studyId, false);
            List<Trial> active = all.stream().filter(t -> !t.isFinished()).toList();
            if (!active.isEmpty()) {
                throw new ApiException.Conflict("Study " + studyId + " has ended, but trial " + active.get(0).number()
                        + " is still " + active.get(0).state() + "; export it once its worker has reported.");
            }
            Map<Long, List<RecordedMeasurement>> recorded = measurements.historyOfStudy(studyId);
            List<ArchivedMeasurement> archived = new ArrayList<>();
            for (Trial t : all) {
                for (RecordedMeasurement m : recorded.getOrDefault(t.id(), List.of())) {
                    archived.add(new ArchivedMeasurement(t.number(), m.attempt(), m.measurement().step(),
                            m.measurement().elapsedSeconds(), m.measurement().metrics(), m.reportedAt()));
                }
            }
            return new StudyArchive(StudyArchive.FORMAT_VERSION, study(study),
                    all.stream().map(StudyExport::trial).toList(), archived, artifacts.ofStudy(studyId));
        });
    }

    private ArchivedStudy study(StudyEntity study) {
        try {
            return new ArchivedStudy(study.getId(), study.getState(), study.isExhausted(), study.getCreatedAt(),
                    study.getFinishedAt(), json.readTree(study.getSpecJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored study spec is not valid JSON", e);
        }
    }

    private static ArchivedTrial trial(Trial t) {
        return new ArchivedTrial(t.id(), t.number(), t.configKey(), t.repeat(), t.enqueued(),
                t.confirmation(), t.state(),
                t.stopRequested(), t.parameters().values(), t.metrics(), t.workerId(), t.engine(), t.attempts(),
                t.failureReason(), t.createdAt(), t.startedAt(), t.finishedAt(), t.heartbeatAt());
    }
}
