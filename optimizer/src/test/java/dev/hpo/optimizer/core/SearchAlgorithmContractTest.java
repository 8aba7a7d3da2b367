package dev.hpo.optimizer.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.optimizer.evolution.EvolutionSearch;
import dev.hpo.optimizer.evolution.Nsga2Search;
import dev.hpo.optimizer.grid.GridSearch;
import dev.hpo.space.CategoricalParameter;
import dev.hpo.space.Configuration;
import dev.hpo.space.IntParameter;
import dev.hpo.space.SearchSpace;
import dev.hpo.study.Constraint;
import dev.hpo.study.Objective;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules every search algorithm keeps, run against each of them. */
class SearchAlgorithmContractTest {

    static Stream<SearchAlgorithm> algorithms() {
        return Stream.of(new EvolutionSearch(), new Nsga2Search(), new RandomSearch(), new GridSearch());
    }

    private static SearchProblem mixed(long seed) {
        return new SearchProblem(TestProblems.mixedSpace(), List.of(Objective.minimize("loss")), List.of(),
                KnownMetrics.none(), 6, seed);
    }

    private static Map<String, Double> evaluate(Configuration c) {
        return Map.of("loss", TestProblems.loss(c), "macs", TestProblems.MACS.of(c).get("macs"));
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void sameSeedAndHistoryGiveTheSameProposals(SearchAlgorithm algorithm) {
        List<Trial> first = TestProblems.run(algorithm, mixed(5), 14, SearchAlgorithmContractTest::evaluate);
        List<Trial> second = TestProblems.run(algorithm, mixed(5), 14, SearchAlgorithmContractTest::evaluate);

        assertThat(second).extracting(Trial::parameters)
                .containsExactlyElementsOf(first.stream().map(Trial::parameters).toList());
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void neverProposesATakenConfigurationAndStopsWhenNoneIsLeft(SearchAlgorithm algorithm) {
        SearchSpace small = SearchSpace.of(CategoricalParameter.of("a", "x", "y", "z"), IntParameter.linear("b", 1, 3),
                CategoricalParameter.of("c", true, false));
        SearchProblem problem = new SearchProblem(small, List.of(Objective.minimize("loss")), List.of(),
                KnownMetrics.none(), 4, 3);
        // One taken configuration is pending, another failed: neither may come back.
        List<Trial> trials = new ArrayList<>();
        trials.add(Trial.pending(0, Configuration.of(Map.of("a", "y", "b", 2L, "c", true))));
        trials.add(Trial.of(1, Configuration.of(Map.of("a", "z", "b", 3L, "c", false)), TrialState.FAILED,
                Map.of(), List.of(), false, Instant.EPOCH));
        for (int i = 0; i < 40; i++) {
            List<Configuration> next = algorithm.propose(problem, trials, 1);
            if (next.isEmpty()) {
                break;
            }
            Configuration c = next.get(0);
            double loss = ((Long) c.values().get("b")) + (c.values().get("a").equals("x") ? 0 : 1);
            trials.add(Trial.completed(trials.size(), c, Map.of("loss", loss)));
        }

        assertThat(trials).extracting(Trial::parameters).doesNotHaveDuplicates().hasSize(18);
        assertThat(algorithm.propose(problem, trials, 3)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void neverProposesAFloatWithinToleranceOfATakenOne(SearchAlgorithm algorithm) {
        List<Trial> trials = TestProblems.run(algorithm, mixed(11), 30, SearchAlgorithmContractTest::evaluate);
        UnitCube cube = new UnitCube(TestProblems.mixedSpace());

        for (int i = 0; i < trials.size(); i++) {
            for (int j = 0; j < i; j++) {
                assertThat(cube.same(cube.encode(trials.get(i).parameters()),
                        cube.encode(trials.get(j).parameters()))).as("trials %d and %d", j, i).isFalse();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void neverProposesAConfigurationKnownToBreakAConstraint(SearchAlgorithm algorithm) {
        SearchProblem problem = mixed(2).withConstraints(List.of(Constraint.atMost("macs", 60)), TestProblems.MACS);

        List<Trial> trials = TestProblems.run(algorithm, problem, 30, SearchAlgorithmContractTest::evaluate);

        assertThat(trials).hasSize(30).allSatisfy(o ->
                assertThat(TestProblems.MACS.of(o.parameters()).get("macs")).isLessThanOrEqualTo(60));
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void proposesDistinctConfigurationsForParallelWorkers(SearchAlgorithm algorithm) {
        List<Trial> trials = TestProblems.run(algorithm, mixed(4), 12, SearchAlgorithmContractTest::evaluate);

        List<Configuration> batch = algorithm.propose(mixed(4), trials, 4);

        assertThat(batch).hasSize(4).doesNotHaveDuplicates();
        assertThat(batch).doesNotContainAnyElementsOf(trials.stream().map(Trial::parameters).toList());
    }
}
