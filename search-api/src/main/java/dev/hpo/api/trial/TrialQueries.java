package dev.hpo.api.trial;

import dev.hpo.api.error.ApiException;
import dev.hpo.api.study.StudyCatalog;
import dev.hpo.api.study.StudyEntity;
import dev.hpo.api.study.StudyRepository;
import dev.hpo.space.Configuration;
import dev.hpo.study.StudySpec;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** Reading a study's trials, and enqueuing known configurations. */
@Service
public class TrialQueries {

    private final StudyRepository studies;
    private final TrialRepository trials;
    private final MeasurementRepository measurements;
    private final StudyCatalog catalog;
    private final TrialGenerator generator;
    private final TrialMapper mapper;
    private final HistoryLoader history;

    TrialQueries(StudyRepository studies, TrialRepository trials, MeasurementRepository measurements,
                 StudyCatalog catalog, TrialGenerator generator, TrialMapper mapper, HistoryLoader history) {
        this.studies = studies;
        this.trials = trials;
        this.measurements = measurements;
        this.catalog = catalog;
        this.generator = generator;
        this.mapper = mapper;
        this.history = history;
    }

    public StudyEntity study(long studyId) {
        return studies.findById(studyId)
                .orElseThrow(() -> new ApiException.NotFound("Study " + studyId + " does not exist."));
    }

    TrialViews.Trial trial(long trialId) {
        TrialEntity trial = trials.findById(trialId)
                .orElseThrow(() -> new ApiException.NotFound("Trial " + trialId + " does not exist."));
        return mapper.trial(trial, measurements.findByTrialIdOrderByAttemptAscStepAscIdAsc(trialId));
    }

    TrialViews.Page<TrialViews.Trial> page(long studyId, TrialState state, int page, int size) {
        study(studyId);
        PageRequest request = PageRequest.of(page, size, Sort.by("number"));
        var rows = state == null ? trials.findByStudyId(studyId, request)
                : trials.findByStudyIdAndState(studyId, state, request);
        return new TrialViews.Page<>(rows.map(t -> mapper.trial(t, null)).getContent(), page, size,
                rows.getTotalElements(), rows.getTotalPages());
    }

    List<TrialViews.Trial> all(long studyId) {
        study(studyId);
        return trials.findByStudyIdOrderByNumberAsc(studyId).stream().map(t -> mapper.trial(t, null)).toList();
    }

    /**
     * Enqueues a configuration to run before sampled ones; with repeats, one trial per repeat.
     *
     * @throws dev.hpo.space.InvalidConfigurationException naming each parameter that does not fit the space
     */
    List<TrialViews.Trial> enqueue(long studyId, Map<String, Object> parameters) {
        StudyEntity study = study(studyId);
        Configuration configuration = catalog.spec(study).searchSpace().canonical(Configuration.of(parameters));
        return generator.enqueue(studyId, configuration).stream().map(t -> mapper.trial(t, null)).toList();
    }

    /** How many trials the study has in each state, every state listed. */
    public Map<TrialState, Long> counts(long studyId) {
        Map<TrialState, Long> counts = new EnumMap<>(TrialState.class);
        for (TrialState s : TrialState.values()) {
            counts.put(s, 0L);
        }
        for (Object[] row : trials.countByState(studyId)) {
            counts.put((TrialState) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** Every trial of the study by number, without measurements, for ranking. */
    public List<Trial> forRanking(long studyId, StudySpec spec) {
        return history.withoutMeasurements(studyId, spec);
    }
}
