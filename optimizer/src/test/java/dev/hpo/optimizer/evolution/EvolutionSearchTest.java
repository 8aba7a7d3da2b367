package dev.hpo.optimizer.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.optimizer.core.KnownMetrics;
import dev.hpo.optimizer.core.RandomSearch;
import dev.hpo.optimizer.core.SearchProblem;
import dev.hpo.optimizer.core.TestProblems;
import dev.hpo.space.Configuration;
import dev.hpo.space.FloatParameter;
import dev.hpo.space.SearchSpace;
import dev.hpo.study.Constraint;
import dev.hpo.study.Objective;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvolutionSearchTest {

    private static SearchProblem mixed(long seed) {
        return new SearchProblem(TestProblems.mixedSpace(), List.of(Objective.minimize("loss")), List.of(),
                KnownMetrics.none(), 8, seed);
    }

    private static double best(List<Trial> trials) {
        return trials.stream().mapToDouble(o -> o.metrics().get("loss")).min().orElseThrow();
    }

    @Test
    void firstProposalsFillTheSpaceOneStratumEach() {
        SearchSpace line = SearchSpace.of(FloatParameter.linear("x", 0, 1));
        SearchProblem problem = SearchProblem.of(line, Objective.minimize("loss"), 9).withPopulationSize(8);

        List<Configuration> design = new EvolutionSearch().propose(problem, List.of(), 8);

        assertThat(design).extracting(c -> (int) Math.floor(TestProblems.number(c, "x") * 8))
                .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void enqueuedConfigurationsDoNotUseUpTheInitialDesign() {
        SearchProblem problem = mixed(3);
        List<Configuration> plain = new EvolutionSearch().propose(problem, List.of(), 8);
        List<Trial> enqueued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Configuration c = Configuration.of(Map.of("learningRate", 0.01 * (i + 1), "width", 0.5, "blocks", 2L,
                    "optimizer", "sgd"));
            enqueued.add(Trial.of(i, c, TrialState.COMPLETE, Map.of("loss", TestProblems.loss(c)), List.of(), true,
                    Instant.EPOCH));
        }

        List<Configuration> afterEnqueued = new EvolutionSearch().propose(problem, enqueued, 8);

        assertThat(afterEnqueued).containsExactlyInAnyOrderElementsOf(plain);
    }

    @Test
    void findsABetterConfigurationThanRandomSearchWithTheSameBudget() {
        for (long seed = 1; seed <= 3; seed++) {
            double evolution = best(TestProblems.run(new EvolutionSearch(), mixed(seed), 40,
                    c -> Map.of("loss", TestProblems.loss(c))));
            double random = best(TestProblems.run(new RandomSearch(), mixed(seed), 40,
                    c -> Map.of("loss", TestProblems.loss(c))));

            assertThat(evolution).as("seed %d", seed).isLessThan(random).isLessThan(0.05);
        }
    }

    @Test
    void fitsItsSurrogateToAShareOfALargeStudy() {
        List<Trial> trials = TestProblems.run(new RandomSearch(), mixed(8), ModelData.MAX_POINTS + 60,
                c -> Map.of("loss", TestProblems.loss(c)));

        List<Configuration> next = new EvolutionSearch().propose(mixed(8), trials, 2);

        assertThat(next).hasSize(2).doesNotContainAnyElementsOf(
                trials.stream().map(Trial::parameters).toList());
        assertThat(next).allSatisfy(c -> assertThat(TestProblems.loss(c)).isLessThan(
                trials.stream().mapToDouble(o -> o.metrics().get("loss")).sorted().skip(20).findFirst()
                        .orElseThrow()));
    }

    @Test
    void minimisesAKnownCostSubjectToATrainedMetricBound() {
        // HAET in miniature: the cheapest configuration whose "accuracy" reaches the bound.
        SearchProblem problem = new SearchProblem(TestProblems.mixedSpace(), List.of(Objective.minimize("macs")),
                List.of(Constraint.atLeast("accuracy", 0.9)), TestProblems.MACS, 8, 5);
        List<Trial> trials = TestProblems.run(new EvolutionSearch(), problem, 40, c -> Map.of(
                "accuracy", 1 - 0.1 * TestProblems.loss(c) - 0.05 / (TestProblems.number(c, "width")
                        * TestProblems.number(c, "blocks")),
                "macs", TestProblems.MACS.of(c).get("macs")));

        List<Trial> feasible = trials.stream().filter(o -> o.metrics().get("accuracy") >= 0.9).toList();
        double cheapestFeasible = feasible.stream().mapToDouble(o -> o.metrics().get("macs")).min().orElseThrow();
        double designCheapest = trials.subList(0, 8).stream().filter(o -> o.metrics().get("accuracy") >= 0.9)
                .mapToDouble(o -> o.metrics().get("macs")).min().orElse(Double.POSITIVE_INFINITY);
        assertThat(feasible).hasSizeGreaterThan(3);
        assertThat(cheapestFeasible).isLessThan(0.6 * designCheapest);
    }
}
