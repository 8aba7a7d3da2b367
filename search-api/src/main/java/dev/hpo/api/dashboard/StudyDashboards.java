package dev.hpo.api.dashboard;

import dev.hpo.api.artifact.ArtifactReferences;
import dev.hpo.api.study.StudyCatalog;
import dev.hpo.api.study.StudyEntity;
import dev.hpo.api.study.StudyRepository;
import dev.hpo.api.study.StudyStatuses;
import dev.hpo.api.trial.MeasurementStore;
import dev.hpo.api.trial.TrialStore;
import dev.hpo.optimizer.StudyRanking;
import dev.hpo.study.StudySpec;
import dev.hpo.trial.Trial;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a study's page document: the study; every trial through the {@link TrialStore} (one query); how many steps
 * each measured and how far its latest attempt got through the {@link MeasurementStore} (two more); and the study's
 * {@link StudyRanking} of the trials, the same ranking as {@code GET /api/studies/{id}/best} and {@code /pareto}; and
 * the names of the files kept of its trials (one more).
 */
@Component
class StudyDashboards {

    private final StudyRepository studies;
    private final StudyStatuses statuses;
    private final StudyCatalog catalog;
    private final TrialStore trials;
    private final MeasurementStore measurements;
    private final ArtifactReferences artifacts;

    StudyDashboards(StudyRepository studies, StudyStatuses statuses, StudyCatalog catalog, TrialStore trials,
                    MeasurementStore measurements, ArtifactReferences artifacts) {
        this.studies = studies;
        this.statuses = statuses;
        this.catalog = catalog;
        this.trials = trials;
        this.measurements = measurements;
        this.artifacts = artifacts;
    }

    /**
     * A tag that changes whenever anything the page shows changes: the study's state, a trial added, any trial
     * changed, or a measurement reported by a running trial. Empty when there is no such study.
     */
    @Transactional(readOnly = true)
    public Optional<String> revision(long studyId) {
        return statuses.find(studyId).map(s -> s.state().name().toLowerCase() + "-" + s.trialsCreated() + "-"
                + trials.revision(studyId));
    }

    /** The study's page document, or empty when there is no such study. */
    @Transactional(readOnly = true)
    public Optional<StudyDashboard> load(long studyId) {
        Optional<StudyEntity> found = studies.findById(studyId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StudyEntity study = found.get();
        StudySpec spec = catalog.spec(study);
        List<Trial> all = trials.ofStudy(studyId, false).stream()
                .map(t -> t.inCanonicalTypes(spec.searchSpace())).toList();
        Map<Long, Double> progress = measurements.progress(all.stream().map(Trial::id).toList(), spec.fidelity());
        return Optional.of(StudyDashboardMapper.map(study, spec, all, measurements.measuredSteps(studyId), progress,
                StudyRanking.of(spec, all), artifacts.downloadable(studyId)));
    }
}
