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
     * Every trial of the study, without measurements: no search algorithm reads them (a trial stopped early keeps
     * its last measurement's metrics as its result), and early stopping reads its rung scores instead.
     */
    StudyHistory load(long studyId, StudySpec spec) {
        return new StudyHistory(spec, store.ofStudy(studyId, false).stream()
                .map(t -> t.inCanonicalTypes(spec.searchSpace())).toList());
    }
}
