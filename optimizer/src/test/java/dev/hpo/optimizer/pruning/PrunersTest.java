package dev.hpo.optimizer.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hpo.space.Configuration;
import dev.hpo.study.EarlyStopping;
import dev.hpo.study.Goal;
import dev.hpo.study.StoppingRule;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PrunersTest {

    private static final Duration CAP = Duration.ofSeconds(100);

    /** A trial with accuracy {@code values[i]} measured at {@code 10 * (i + 1)} seconds. */
    private static Trial trial(long number, TrialState state, double... values) {
        List<Measurement> measurements = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            measurements.add(Measurement.of(i, 10.0 * (i + 1), Map.of("accuracy", values[i])));
        }
        return Trial.of(number, Configuration.of(Map.of("x", number / 100.0)), state,
                state == TrialState.COMPLETE ? Map.of("accuracy", values[values.length - 1]) : Map.of(),
                measurements, false, Instant.EPOCH);
    }

    private static List<Trial> history(List<Trial> earlier, Trial current) {
        List<Trial> all = new ArrayList<>(earlier);
        all.add(current);
        return all;
    }

    private static List<Trial> completed() {
        return List.of(trial(0, TrialState.COMPLETE, 0.5, 0.6, 0.7, 0.8, 0.9),
                trial(1, TrialState.COMPLETE, 0.4, 0.5, 0.6, 0.7, 0.8),
                trial(2, TrialState.COMPLETE, 0.3, 0.4, 0.5, 0.6, 0.7));
    }

    @Test
    void medianRuleStopsATrialBelowTheMedianAtTheSameProgress() {
        MedianPruner pruner = new MedianPruner(CAP, "accuracy", true, 0.25, 3);
        Trial poor = trial(3, TrialState.RUNNING, 0.1, 0.2, 0.3);
        Trial fine = trial(4, TrialState.RUNNING, 0.4, 0.5, 0.55);

        // At 30 s the completed trials' best values are 0.7, 0.6, 0.5: median 0.6.
        assertThat(pruner.shouldPrune(history(completed(), poor), poor)).isTrue();
        assertThat(pruner.shouldPrune(history(completed(), fine), fine)).isTrue();
        Trial good = trial(5, TrialState.RUNNING, 0.4, 0.5, 0.65);
        assertThat(pruner.shouldPrune(history(completed(), good), good)).isFalse();
    }

    @Test
    void medianRuleWaitsForTheMinimumProgressAndEnoughTrials() {
        MedianPruner pruner = new MedianPruner(CAP, "accuracy", true, 0.25, 3);
        Trial early = trial(3, TrialState.RUNNING, 0.0, 0.0);
        Trial late = trial(3, TrialState.RUNNING, 0.0, 0.0, 0.0);

        assertThat(pruner.shouldPrune(history(completed(), early), early)).isFalse();
        assertThat(pruner.shouldPrune(history(completed().subList(0, 2), late), late)).isFalse();
        assertThat(pruner.shouldPrune(history(completed(), late), late)).isTrue();
    }

    @Test
    void medianRuleComparesOnlyWithCompletedTrials() {
        MedianPruner pruner = new MedianPruner(CAP, "accuracy", true, 0.25, 1);
        Trial running = trial(0, TrialState.RUNNING, 0.9, 0.9, 0.9);
        Trial current = trial(1, TrialState.RUNNING, 0.1, 0.1, 0.1);

        assertThat(pruner.shouldPrune(history(List.of(running), current), current)).isFalse();
    }

    @Test
    void medianRuleFollowsAMinimisedMetric() {
        MedianPruner pruner = new MedianPruner(CAP, "accuracy", false, 0.25, 3);
        Trial low = trial(3, TrialState.RUNNING, 0.1, 0.2, 0.3);

        assertThat(pruner.shouldPrune(history(completed(), low), low)).isFalse();
    }

    /** The pruner each rule must get: a rule that fell back to another would stop trials by the wrong rule. */
    private static final Map<StoppingRule, Class<?>> PRUNER_OF_RULE = Map.of(
            StoppingRule.NONE, Pruner.NEVER.getClass(),
            StoppingRule.MEDIAN, MedianPruner.class,
            StoppingRule.ASHA, AshaPruner.class);

    @ParameterizedTest
    @EnumSource(StoppingRule.class)
    void everyStoppingRuleGetsItsOwnPruner(StoppingRule rule) {
        EarlyStopping settings = new EarlyStopping(rule, "accuracy", Goal.MAXIMIZE, 0.25, 3, 5);

        assertThat(PRUNER_OF_RULE).containsKey(rule);
        assertThat(Pruner.of(settings, CAP)).isExactlyInstanceOf(PRUNER_OF_RULE.get(rule));
    }

    @Test
    void withoutARuleNoTrialIsStopped() {
        Trial hopeless = trial(3, TrialState.RUNNING, 0.0, 0.0, 0.0);

        assertThat(Pruner.of(EarlyStopping.none(), CAP).shouldPrune(history(completed(), hopeless), hopeless))
                .isFalse();
    }

    @Test
    void ashaPlacesRungsAtGeometricShares() {
        double[] rungs = new AshaPruner(CAP, "accuracy", true, 1.0 / 9, 3).rungs();

        assertThat(rungs).hasSize(2);
        assertThat(rungs[0]).isCloseTo(1.0 / 9, within(1e-12));
        assertThat(rungs[1]).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void ashaPromotesOnlyTheTopShareAtARung() {
        AshaPruner pruner = new AshaPruner(CAP, "accuracy", true, 0.2, 3);
        // Rung 0 at 20 s: six earlier trials reached it with 0.1 .. 0.6.
        List<Trial> earlier = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            earlier.add(trial(i, TrialState.PRUNED, 0.05, 0.1 * (i + 1)));
        }
        Trial top = trial(10, TrialState.RUNNING, 0.1, 0.7);
        Trial second = trial(11, TrialState.RUNNING, 0.1, 0.55);
        Trial third = trial(12, TrialState.RUNNING, 0.1, 0.45);

        // Seven values: the best floor(7 / 3) = 2 go on.
        assertThat(pruner.shouldPrune(history(earlier, top), top)).isFalse();
        assertThat(pruner.shouldPrune(history(earlier, second), second)).isFalse();
        assertThat(pruner.shouldPrune(history(earlier, third), third)).isTrue();
    }

    @Test
    void ashaDecidesOnlyWhenARungIsReached() {
        AshaPruner pruner = new AshaPruner(CAP, "accuracy", true, 0.2, 3);
        List<Trial> earlier = List.of(trial(0, TrialState.COMPLETE, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9));
        Trial beforeRung = trial(1, TrialState.RUNNING, 0.1);
        Trial atRung = trial(1, TrialState.RUNNING, 0.1, 0.1);
        Trial pastRung = trial(1, TrialState.RUNNING, 0.1, 0.1, 0.1);

        assertThat(pruner.shouldPrune(history(earlier, beforeRung), beforeRung)).isFalse();
        assertThat(pruner.shouldPrune(history(earlier, atRung), atRung)).isTrue();
        assertThat(pruner.shouldPrune(history(earlier, pastRung), pastRung)).isFalse();
    }
}
