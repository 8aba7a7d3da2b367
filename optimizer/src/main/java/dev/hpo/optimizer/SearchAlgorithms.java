package dev.hpo.optimizer;

import dev.hpo.optimizer.core.RandomSearch;
import dev.hpo.optimizer.core.SearchAlgorithm;
import dev.hpo.optimizer.evolution.EvolutionSearch;
import dev.hpo.optimizer.evolution.Nsga2Search;
import dev.hpo.optimizer.grid.GridSearch;
import dev.hpo.study.Algorithm;

/** The search algorithm a study names. */
public final class SearchAlgorithms {

    private SearchAlgorithms() {
    }

    /** A new instance; algorithms keep no state, so one may serve a study for as long as it runs. */
    public static SearchAlgorithm of(Algorithm algorithm) {
        return switch (algorithm) {
            case EVOLUTION -> new EvolutionSearch();
            case NSGA2 -> new Nsga2Search();
            case RANDOM -> new RandomSearch();
            case GRID -> new GridSearch();
        };
    }
}
