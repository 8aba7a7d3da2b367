package dev.hpo.api.trial;

import dev.hpo.api.error.ApiException;
import dev.hpo.api.study.StudyCatalog;
import dev.hpo.api.study.StudyEntity;
import dev.hpo.api.study.StudyRepository;
import dev.hpo.protocol.Page;
import dev.hpo.protocol.TrialView;
import dev.hpo.space.Configuration;
import dev.hpo.study.Fidelity;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reading a study's trials, and enqueuing known configurations. */
@Service
class TrialQueries {

    private final StudyRepository studies;
    private final TrialStore store;
    private final MeasurementStore measurements;
    private final StudyCatalog catalog;
    private final TrialGenerator generator;
    private final TrialMapper mapper;

    TrialQueries(StudyRepository studies, TrialStore store, MeasurementStore measurements, StudyCatalog catalog,
                 TrialGenerator generator, TrialMapper mapper) {
        this.studies = studies;
        this.store = store;
        this.measurements = measurements;
        this.catalog = catalog;
        this.generator = generator;
        this.mapper = mapper;
    }

    TrialView trial(long trialId) {
        Trial trial = store.find(trialId)
                .orElseThrow(() -> new ApiException.NotFound("Trial " + trialId + " does not exist."));
        Fidelity fidelity = catalog.spec(study(trial.studyId())).fidelity();
        return mapper.trial(trial, fidelity, measurements.history(trialId));
    }

    /** One page of the study's trials, each with its progress in the study's fidelity unit. */
    Page<TrialView> page(long studyId, TrialState state, int page, int size) {
        Fidelity fidelity = catalog.spec(study(studyId)).fidelity();
        Optional<TrialState> only = Optional.ofNullable(state);
        long total = store.count(studyId, only);
        List<Trial> trials = store.page(studyId, only, page, size);
        Map<Long, Double> progress = measurements.progress(trials.stream().map(Trial::id).toList(), fidelity);
        List<TrialView> items = trials.stream().map(t -> mapper.trial(t, progress.get(t.id()))).toList();
        return new Page<>(items, page, size, total, (int) ((total + size - 1) / size));
    }

    List<TrialView> all(long studyId) {
        study(studyId);
        return store.ofStudy(studyId, false).stream().map(mapper::trial).toList();
    }

    /**
     * Enqueues a configuration to run before sampled ones; with repeats, one trial per repeat.
     *
     * @throws dev.hpo.space.InvalidConfigurationException naming each parameter that does not fit the space
     */
    List<TrialView> enqueue(long studyId, Map<String, Object> parameters) {
        StudyEntity study = study(studyId);
        Configuration configuration = catalog.spec(study).searchSpace().canonical(Configuration.of(parameters));
        return generator.enqueue(studyId, configuration).stream().map(mapper::trial).toList();
    }

    private StudyEntity study(long studyId) {
        return studies.findById(studyId)
                .orElseThrow(() -> new ApiException.NotFound("Study " + studyId + " does not exist."));
    }
}
