package dev.hpo.optimizer.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hpo.space.CategoricalParameter;
import dev.hpo.space.Configuration;
import dev.hpo.space.FloatParameter;
import dev.hpo.space.SearchSpace;
import dev.hpo.study.Constraint;
import dev.hpo.study.Objective;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationsTest {

    private static final SearchSpace SPACE = SearchSpace.of(FloatParameter.linear("x", 0, 1),
            CategoricalParameter.of("kind", "a", "b"));

    private static final SearchProblem PROBLEM = SearchProblem.of(SPACE, Objective.maximize("accuracy"), 1)
            .withConstraints(List.of(Constraint.atMost("macs", 100)), KnownMetrics.none());

    private static Configuration config(double x) {
        return Configuration.of(Map.of("x", x, "kind", "a"));
    }

    private static Trial complete(long number, double x, double accuracy, double macs) {
        return Trial.completed(number, config(x), Map.of("accuracy", accuracy, "macs", macs));
    }

    @Test
    void feasibleBeatsInfeasibleWhateverTheObjective() {
        Evaluations e = Evaluations.of(PROBLEM, List.of(complete(0, 0.1, 0.99, 150), complete(1, 0.2, 0.50, 90)));

        assertThat(e.ranked()).extracting(c -> c.mean("accuracy")).containsExactly(0.50, 0.99);
        assertThat(e.best()).get().extracting(c -> c.mean("accuracy")).isEqualTo(0.50);
    }

    @Test
    void amongInfeasibleTheSmallerViolationWins() {
        Evaluations e = Evaluations.of(PROBLEM, List.of(complete(0, 0.1, 0.99, 300), complete(1, 0.2, 0.10, 120)));

        assertThat(e.ranked()).extracting(c -> c.mean("macs")).containsExactly(120.0, 300.0);
        assertThat(e.ranked().get(0).standing().violation()).isCloseTo(0.2, within(1e-12));
        assertThat(e.best()).isEmpty();
    }

    @Test
    void prunedResultsRankBelowEveryCompletedOne() {
        Trial pruned = Trial.of(1, config(0.2), TrialState.PRUNED, Map.of("accuracy", 0.95, "macs", 50.0),
                List.of(), false, Instant.EPOCH);
        Evaluations e = Evaluations.of(PROBLEM, List.of(complete(0, 0.1, 0.60, 50), pruned));

        assertThat(e.ranked()).extracting(EvaluatedConfiguration::outcome)
                .containsExactly(Outcome.COMPLETE, Outcome.PRUNED);
    }

    @Test
    void repeatsOfAConfigurationAreAveragedWithTheirSpread() {
        Evaluations e = Evaluations.of(PROBLEM, List.of(complete(0, 0.3, 0.80, 50), complete(1, 0.3, 0.90, 50),
                complete(2, 0.3 + UnitCube.FLOAT_TOLERANCE / 2, 0.85, 50)));

        assertThat(e.all()).hasSize(1);
        MetricSummary accuracy = e.all().get(0).metrics().get("accuracy");
        assertThat(accuracy.mean()).isCloseTo(0.85, within(1e-12));
        assertThat(accuracy.standardDeviation()).isCloseTo(0.05, within(1e-12));
        assertThat(accuracy.count()).isEqualTo(3);
        assertThat(e.all().get(0).trials()).extracting(Trial::number).containsExactly(0L, 1L, 2L);
    }

    @Test
    void enqueuedConfigurationsJoinTheRanking() {
        Trial baseline = Trial.of(0, config(0.5), TrialState.COMPLETE, Map.of("accuracy", 0.97, "macs", 10.0),
                List.of(), true, Instant.EPOCH);
        Evaluations e = Evaluations.of(PROBLEM, List.of(baseline, complete(1, 0.1, 0.6, 10)));

        assertThat(e.ranked().get(0).enqueued()).isTrue();
        assertThat(e.tried().contains(e.cube().encode(config(0.5)))).isTrue();
    }

    @Test
    void pendingAndFailedTrialsTakeTheirConfigurationButAreNotRanked() {
        Trial failed = Trial.of(1, config(0.7), TrialState.FAILED, Map.of(), List.of(), false, Instant.EPOCH);
        Evaluations e = Evaluations.of(PROBLEM, List.of(Trial.pending(0, config(0.2)), failed));

        assertThat(e.ranked()).isEmpty();
        assertThat(e.pending()).hasSize(1);
        assertThat(e.tried().size()).isEqualTo(2);
    }
}
