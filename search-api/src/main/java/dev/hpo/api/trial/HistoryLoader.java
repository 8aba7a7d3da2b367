package dev.hpo.api.trial;

import dev.hpo.optimizer.StudyHistory;
import dev.hpo.study.StudySpec;
import org.springframework.stereotype.Component;

/**
 * A study's trials from the store as the optimizer reads them, with their parameters in the space's canonical
 * types, so a restarted service continues the search where it was.
 */
@Component
class HistoryLoader {

    private final TrialStore store;

    HistoryLoader(TrialStore store) {
        this.store = store;
    }

    /**
     * Every trial of the study.
     *
     * @param withMeasurements whether to read their latest attempts' measurements too, which early stopping compares;
     *        the search needs only what each trial achieved, which a trial keeps without them
     */
    StudyHistory load(long studyId, StudySpec spec, boolean withMeasurements) {
        return new StudyHistory(spec, store.ofStudy(studyId, withMeasurements).stream()
                .map(t -> t.inCanonicalTypes(spec.searchSpace())).toList());
    }
}
