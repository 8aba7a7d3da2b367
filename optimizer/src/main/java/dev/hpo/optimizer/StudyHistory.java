package dev.hpo.optimizer;

import dev.hpo.optimizer.core.SearchProblem;
import dev.hpo.study.StudySpec;
import dev.hpo.trial.Trial;
import java.util.List;
import java.util.Objects;

/**
 * Everything a search algorithm or an early-stopping rule may know about a study: its spec and every trial so far,
 * ordered by trial number.
 */
public record StudyHistory(StudySpec spec, List<Trial> trials) {

    public StudyHistory {
        Objects.requireNonNull(spec, "spec");
        // Confirmation runs train on other data after the search ended: the search never learns from them.
        trials = trials.stream().filter(t -> !t.confirmation()).toList();
    }

    /** The study as a search problem, the baseline resolved as far as the trials allow: what algorithms optimise. */
    public SearchProblem problem() {
        return StudyProblems.problem(this);
    }
}
