package dev.hpo.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.optimizer.core.RandomSearch;
import dev.hpo.optimizer.evolution.EvolutionSearch;
import dev.hpo.optimizer.evolution.Nsga2Search;
import dev.hpo.optimizer.grid.GridSearch;
import dev.hpo.study.Algorithm;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SearchAlgorithmsTest {

    /** The algorithm each name must get: a name that fell back to another would search the wrong way, silently. */
    private static final Map<Algorithm, Class<?>> ALGORITHM_OF_NAME = Map.of(
            Algorithm.EVOLUTION, EvolutionSearch.class,
            Algorithm.NSGA2, Nsga2Search.class,
            Algorithm.RANDOM, RandomSearch.class,
            Algorithm.GRID, GridSearch.class);

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void everyAlgorithmAStudyMayNameGetsItsOwnImplementation(Algorithm algorithm) {
        assertThat(ALGORITHM_OF_NAME).containsKey(algorithm);
        assertThat(SearchAlgorithms.of(algorithm)).isExactlyInstanceOf(ALGORITHM_OF_NAME.get(algorithm));
    }
}
