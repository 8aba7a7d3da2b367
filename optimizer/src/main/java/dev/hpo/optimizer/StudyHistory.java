package dev.hpo.api.optimizer;

import dev.hpo.study.StudySpec;
import java.util.List;
import java.util.Objects;

/**
 * Everything a sampler or pruner may know about a study: its spec and every trial so far, ordered by trial number.
 */
public record StudyHistory(StudySpec spec, List<TrialRecord> trials) {

    public StudyHistory {
        Objects.requireNonNull(spec, "spec");
        trials = List.copyOf(trials);
    }
}
