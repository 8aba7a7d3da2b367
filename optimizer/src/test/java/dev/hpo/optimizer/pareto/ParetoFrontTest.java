package dev.hpo.optimizer.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hpo.optimizer.core.EvaluatedConfiguration;
import dev.hpo.optimizer.core.Evaluations;
import dev.hpo.optimizer.core.KnownMetrics;
import dev.hpo.optimizer.core.SearchProblem;
import dev.hpo.space.Configuration;
import dev.hpo.space.FloatParameter;
import dev.hpo.space.SearchSpace;
import dev.hpo.study.Constraint;
import dev.hpo.study.Objective;
import dev.hpo.trial.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {

    private static final SearchProblem PROBLEM = new SearchProblem(SearchSpace.of(FloatParameter.linear("x", 0, 1)),
            List.of(Objective.maximize("accuracy"), Objective.minimize("macs")),
            List.of(Constraint.atMost("params", 10)), KnownMetrics.none(), 4, 1);

    /** (accuracy, macs, params) per trial; x spreads them over the space. */
    private static Evaluations evaluations(double[][] rows) {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            trials.add(Trial.completed(i, Configuration.of(Map.of("x", (i + 0.5) / rows.length)),
                    Map.of("accuracy", rows[i][0], "macs", rows[i][1], "params", rows[i][2])));
        }
        return Evaluations.of(PROBLEM, trials);
    }

    @Test
    void frontHoldsTheNonDominatedFeasibleConfigurations() {
        Evaluations e = evaluations(new double[][] {
            {0.90, 100, 1},  // front
            {0.80, 50, 1},   // front
            {0.85, 120, 1},  // dominated by the first
            {0.70, 40, 1},   // front
            {0.95, 10, 99},  // would dominate all, but infeasible
            {0.80, 60, 1},   // dominated by the second
        });

        assertThat(ParetoFront.front(e)).extracting(c -> c.mean("macs")).containsExactly(100.0, 50.0, 40.0);
    }

    @Test
    void ranksUnderConstraintDomination() {
        Evaluations e = evaluations(new double[][] {
            {0.90, 100, 1}, {0.85, 120, 1}, {0.95, 10, 20}, {0.99, 5, 50},
        });
        List<EvaluatedConfiguration> members = ParetoFront.members(e);

        int[] ranks = ParetoFront.ranks(PROBLEM, members);

        // Feasible first; of the infeasible ones, the smaller violation (params 20) dominates the larger (50).
        assertThat(ranks).containsExactly(0, 1, 2, 3);
    }

    @Test
    void hypervolumeOfAStaircase() {
        double area = Hypervolume.of(List.of(new double[] {1, 3}, new double[] {2, 2}, new double[] {3, 1},
                new double[] {3, 3}), new double[] {4, 4});

        assertThat(area).isCloseTo(6.0, within(1e-12));
        assertThat(Hypervolume.improvement(List.of(new double[] {1, 3}), new double[] {0.5, 3.5},
                new double[] {4, 4})).isCloseTo(0.5 * 0.5, within(1e-12));
    }
}
