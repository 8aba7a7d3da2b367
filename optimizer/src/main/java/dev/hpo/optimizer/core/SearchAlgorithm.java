package dev.hpo.optimizer.core;

import dev.hpo.space.Configuration;
import dev.hpo.trial.Trial;
import java.util.List;

/**
 * Decides which configurations to try next. Implementations keep no state between calls: everything is
 * rebuilt from the trials, so a restarted service continues the search where it was, and the same seed and the
 * same trials in the same order give the same proposals.
 */
public interface SearchAlgorithm {

    /**
     * Up to {@code count} configurations, none already tried; fewer (possibly none) when the space has no
     * untried configuration the algorithm is willing to propose.
     *
     * @param problem what to optimise
     * @param trials every trial of the study so far, in trial-number order, waiting and running ones included
     * @param count how many configurations are wanted, at least 1
     */
    List<Configuration> propose(SearchProblem problem, List<Trial> trials, int count);
}
