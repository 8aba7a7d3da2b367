package dev.hpo.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hpo.space.Configuration;
import dev.hpo.study.Constraint;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselineTest {

    private static final Configuration BASELINE = Configuration.of(Map.of("width", 1.0));
    private static final Configuration OTHER = Configuration.of(Map.of("width", 0.5));

    private static Trial trial(long number, Configuration c, TrialState state, double accuracy, boolean enqueued) {
        Map<String, Double> metrics = state == TrialState.COMPLETE ? Map.of("accuracy", accuracy) : Map.of();
        return Trial.of(number, c, state, metrics, List.of(), enqueued, Instant.EPOCH);
    }

    @Test
    void isTheMeanOverTheCompletedRepeatsOfTheFirstEnqueuedConfiguration() {
        List<Trial> trials = List.of(trial(0, BASELINE, TrialState.COMPLETE, 0.90, true),
                trial(1, BASELINE, TrialState.COMPLETE, 0.92, true), trial(2, BASELINE, TrialState.FAILED, 0, true),
                trial(3, OTHER, TrialState.COMPLETE, 0.99, false), trial(4, OTHER, TrialState.COMPLETE, 0.10, true));

        assertThat(Baseline.value(trials, "accuracy")).hasValueCloseTo(0.91, within(1e-12));
    }

    @Test
    void isUnknownUntilARepeatOfTheFirstEnqueuedConfigurationCompletes() {
        // A later enqueued configuration that completed first is not the baseline.
        List<Trial> trials = List.of(trial(0, BASELINE, TrialState.RUNNING, 0, true),
                trial(1, OTHER, TrialState.COMPLETE, 0.80, true));

        assertThat(Baseline.value(trials, "accuracy")).isEmpty();
        assertThat(Baseline.value(List.of(trial(0, OTHER, TrialState.COMPLETE, 0.8, false)), "accuracy")).isEmpty();
    }

    @Test
    void resolvesBaselineBoundsAndLeavesTheOthers() {
        List<Constraint> constraints = List.of(Constraint.atLeastBaseline("accuracy"), Constraint.atMost("macs", 5));
        List<Trial> done = List.of(trial(0, BASELINE, TrialState.COMPLETE, 0.9, true));

        assertThat(Baseline.resolve(constraints, done))
                .containsExactly(Constraint.atLeast("accuracy", 0.9), Constraint.atMost("macs", 5));
        assertThat(Baseline.resolve(constraints, List.of())).containsExactlyElementsOf(constraints);
    }
}
