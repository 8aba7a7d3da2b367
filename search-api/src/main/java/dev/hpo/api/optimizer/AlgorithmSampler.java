package dev.hpo.api.optimizer;

import dev.hpo.api.optimizer.core.SearchAlgorithm;
import dev.hpo.space.Configuration;
import java.util.List;
import java.util.Objects;

/** A {@link Sampler} that hands a study's history, translated by {@link StudyProblems}, to a search algorithm. */
public final class AlgorithmSampler implements Sampler {

    private final SearchAlgorithm algorithm;

    public AlgorithmSampler(SearchAlgorithm algorithm) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    }

    @Override
    public List<Configuration> propose(StudyHistory history, int count) {
        if (count < 1) {
            return List.of();
        }
        return algorithm.propose(StudyProblems.problem(history), StudyProblems.observations(history), count);
    }
}
