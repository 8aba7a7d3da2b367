package dev.hpo.api.trial;

import dev.hpo.api.optimizer.StudyHistory;
import dev.hpo.api.optimizer.TrialRecord;
import dev.hpo.space.Configuration;
import dev.hpo.study.StudySpec;
import dev.hpo.trial.Trial;
import org.springframework.stereotype.Component;

/** Builds the optimizer's view of a study from the store, so a restarted service continues where it was. */
@Component
class HistoryLoader {

    private final TrialStore store;

    HistoryLoader(TrialStore store) {
        this.store = store;
    }

    StudyHistory load(long studyId, StudySpec spec) {
        return new StudyHistory(spec, store.ofStudy(studyId, true).stream().map(t -> record(t, spec)).toList());
    }

    private static TrialRecord record(Trial t, StudySpec spec) {
        Configuration parameters = spec.searchSpace().canonical(t.parameters());
        return new TrialRecord(t.number(), parameters, t.state(), t.metrics(), t.measurements(), t.enqueued());
    }
}
