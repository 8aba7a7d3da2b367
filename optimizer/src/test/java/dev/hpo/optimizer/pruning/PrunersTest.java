package dev.hpo.optimizer.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hpo.optimizer.core.KnownMetrics;
import dev.hpo.space.Configuration;
import dev.hpo.study.EarlyStopping;
import dev.hpo.study.Fidelity;
import dev.hpo.study.Goal;
import dev.hpo.study.Objective;
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

    private static final Fidelity CAP = Fidelity.seconds(Duration.ofSeconds(100));
    private static final List<Objective> ACCURACY = List.of(Objective.maximize("accuracy"));

    /** A trial with accuracy {@code values[i]} measured at step {@code i + 1} and {@code 10 * (i + 1)} seconds. */
    static Trial trial(long number, TrialState state, double... values) {
        List<Measurement> measurements = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            measurements.add(Measurement.of(i + 1, 10.0 * (i + 1), Map.of("accuracy", values[i])));
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

    private static EarlyStopper median(double minFraction, int minTrials, Goal goal) {
        return new EarlyStopper(new MedianPruner(minFraction, minTrials, 1), CAP,
                List.of(new Objective("accuracy", goal)), KnownMetrics.none());
    }

    private static EarlyStopper asha(Fidelity fidelity, double minFraction, int eta) {
        return new EarlyStopper(new AshaPruner(minFraction, eta), fidelity, ACCURACY, KnownMetrics.none());
    }

    @Test
    void medianRuleStopsATrialBelowTheMedianAtTheSameCheckpoint() {
        EarlyStopper rule = median(0.25, 3, Goal.MAXIMIZE);
        Trial poor = trial(3, TrialState.RUNNING, 0.1, 0.2, 0.3);
        Trial fine = trial(4, TrialState.RUNNING, 0.4, 0.5, 0.55);
        Trial good = trial(5, TrialState.RUNNING, 0.4, 0.5, 0.65);

        // The checkpoint at 25 s is first reached at 30 s, where the completed trials had 0.7, 0.6, 0.5: median 0.6.
        assertThat(rule.shouldStop(history(completed(), poor), poor)).isTrue();
        assertThat(rule.shouldStop(history(completed(), fine), fine)).isTrue();
        assertThat(rule.shouldStop(history(completed(), good), good)).isFalse();
    }

    @Test
    void medianRuleWaitsForTheFirstCheckpointAndEnoughTrials() {
        EarlyStopper rule = median(0.25, 3, Goal.MAXIMIZE);
        Trial early = trial(3, TrialState.RUNNING, 0.0, 0.0);
        Trial late = trial(3, TrialState.RUNNING, 0.0, 0.0, 0.0);

        assertThat(rule.shouldStop(history(completed(), early), early)).isFalse();
        assertThat(rule.shouldStop(history(completed().subList(0, 2), late), late)).isFalse();
        assertThat(rule.shouldStop(history(completed(), late), late)).isTrue();
    }

    @Test
    void medianRuleJudgesAtEveryMinFractionOfTheBudget() {
        assertThat(new MedianPruner(0.25, 1, 1).rungs()).containsExactly(0.25, 0.5, 0.75);
        assertThat(new MedianPruner(0.3, 1, 1).rungs()).containsExactly(0.3, 0.6, 0.8999999999999999);
        EarlyStopper rule = median(0.25, 3, Goal.MAXIMIZE);
        Trial between = trial(3, TrialState.RUNNING, 0.0, 0.0, 0.0, 0.0);

        assertThat(rule.shouldStop(history(completed(), between), between)).isFalse();
    }

    @Test
    void medianRuleComparesOnlyWithCompletedTrials() {
        EarlyStopper rule = median(0.25, 1, Goal.MAXIMIZE);
        Trial running = trial(0, TrialState.RUNNING, 0.9, 0.9, 0.9);
        Trial current = trial(1, TrialState.RUNNING, 0.1, 0.1, 0.1);

        assertThat(rule.shouldStop(history(List.of(running), current), current)).isFalse();
    }

    @Test
    void medianRuleFollowsAMinimisedMetric() {
        EarlyStopper rule = median(0.25, 3, Goal.MINIMIZE);
        Trial low = trial(3, TrialState.RUNNING, 0.1, 0.2, 0.3);

        assertThat(rule.shouldStop(history(completed(), low), low)).isFalse();
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
        assertThat(Pruner.of(settings, 1)).isExactlyInstanceOf(PRUNER_OF_RULE.get(rule));
    }

    @Test
    void withoutARuleNoTrialIsStopped() {
        Trial hopeless = trial(3, TrialState.RUNNING, 0.0, 0.0, 0.0);
        EarlyStopper none = new EarlyStopper(Pruner.NEVER, CAP, ACCURACY, KnownMetrics.none());

        assertThat(none.enabled()).isFalse();
        assertThat(none.shouldStop(history(completed(), hopeless), hopeless)).isFalse();
    }

    /**
     * Issue 20 fault 2: a trial that trained to its full budget ranked below every completed one once pruned. One
     * that reports only when it is done reaches every rung with that report, and is judged by none.
     */
    @ParameterizedTest
    @EnumSource(value = StoppingRule.class, names = {"MEDIAN", "ASHA"})
    void noRuleStopsATrialWhoseMeasurementSpentTheBudget(StoppingRule name) {
        EarlyStopping settings = new EarlyStopping(name, "accuracy", Goal.MAXIMIZE, 0.25, 3, 1);
        EarlyStopper rule = new EarlyStopper(Pruner.of(settings, 1), Fidelity.steps(52), ACCURACY,
                KnownMetrics.none());
        List<Trial> earlier = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            earlier.add(completedAt(i, 52, 0.9));
        }
        Trial atTheEnd = completedAt(10, 52, 0.1);
        Trial almost = completedAt(11, 51, 0.1);
        Trial running = new Trial(atTheEnd.id(), 0, 10, 10, 0, false, false, atTheEnd.parameters(), TrialState.RUNNING,
                null, "w", null, 1, Map.of(), null, atTheEnd.measurements(), Instant.EPOCH, Instant.EPOCH, null, null);
        Trial runningAlmost = new Trial(almost.id(), 0, 11, 11, 0, false, false, almost.parameters(), TrialState.RUNNING,
                null, "w", null, 1, Map.of(), null, almost.measurements(), Instant.EPOCH, Instant.EPOCH, null, null);

        assertThat(rule.shouldStop(history(earlier, running), running)).isFalse();
        assertThat(rule.shouldStop(history(earlier, runningAlmost), runningAlmost)).isTrue();
    }

    /** A trial that reported once, at {@code step}, with accuracy {@code value}. */
    private static Trial completedAt(long number, long step, double value) {
        return Trial.of(number, Configuration.of(Map.of("x", number / 100.0)), TrialState.COMPLETE,
                Map.of("accuracy", value), List.of(Measurement.of(step, 1.0, Map.of("accuracy", value))), false,
                Instant.EPOCH);
    }

    @Test
    void ashaPlacesRungsAtGeometricShares() {
        double[] rungs = new AshaPruner(1.0 / 9, 3).rungs();

        assertThat(rungs).hasSize(2);
        assertThat(rungs[0]).isCloseTo(1.0 / 9, within(1e-12));
        assertThat(rungs[1]).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void ashaPromotesOnlyTheTopShareAtARung() {
        EarlyStopper rule = asha(CAP, 0.2, 3);
        // Rung 0 at 20 s: six earlier trials reached it with 0.1 .. 0.6 and completed.
        List<Trial> earlier = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            earlier.add(trial(i, TrialState.COMPLETE, 0.05, 0.1 * (i + 1)));
        }
        Trial top = trial(10, TrialState.RUNNING, 0.1, 0.7);
        Trial second = trial(11, TrialState.RUNNING, 0.1, 0.55);
        Trial third = trial(12, TrialState.RUNNING, 0.1, 0.45);

        // Seven values: the best floor(7 / 3) = 2 go on.
        assertThat(rule.shouldStop(history(earlier, top), top)).isFalse();
        assertThat(rule.shouldStop(history(earlier, second), second)).isFalse();
        assertThat(rule.shouldStop(history(earlier, third), third)).isTrue();
    }

    @Test
    void ashaJudgesAgainstTheCompletedTrialsNotTheOnesItStopped() {
        EarlyStopper rule = asha(CAP, 0.2, 3);
        List<Trial> earlier = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            earlier.add(trial(i, TrialState.PRUNED, 0.05, 0.1 * (i + 1)));
        }
        earlier.add(trial(6, TrialState.COMPLETE, 0.1, 0.9));
        earlier.add(trial(7, TrialState.COMPLETE, 0.1, 0.8));
        earlier.add(trial(8, TrialState.COMPLETE, 0.1, 0.65));
        Trial current = trial(10, TrialState.RUNNING, 0.1, 0.7);

        // Third of ten that reached the rung, but only second of the four with the completed ones: floor(4 / 3) = 1.
        assertThat(rule.shouldStop(history(earlier, current), current)).isTrue();
    }

    @Test
    void ashaDecidesOnlyWhenARungIsReached() {
        EarlyStopper rule = asha(CAP, 0.2, 3);
        List<Trial> earlier = List.of(trial(0, TrialState.COMPLETE, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9));
        Trial beforeRung = trial(1, TrialState.RUNNING, 0.1);
        Trial atRung = trial(1, TrialState.RUNNING, 0.1, 0.1);
        Trial pastRung = trial(1, TrialState.RUNNING, 0.1, 0.1, 0.1);

        assertThat(rule.shouldStop(history(earlier, beforeRung), beforeRung)).isFalse();
        assertThat(rule.shouldStop(history(earlier, atRung), atRung)).isTrue();
        assertThat(rule.shouldStop(history(earlier, pastRung), pastRung)).isFalse();
    }

    @Test
    void inStepsTheRungsAreSharesOfTheStepBudgetWhateverTheSecondsSay() {
        // Rungs at 1/9 and 1/3 of 27 steps: steps 3 and 9; the trials' seconds (10 per step) play no part.
        EarlyStopper rule = asha(Fidelity.steps(27), 1.0 / 9, 3);
        Trial leader = trial(0, TrialState.COMPLETE, 0.5, 0.6, 0.7);
        Trial twoSteps = trial(1, TrialState.RUNNING, 0.1, 0.1);
        Trial threeSteps = trial(1, TrialState.RUNNING, 0.1, 0.1, 0.1);

        assertThat(rule.rungsReached(twoSteps.measurements())).isEmpty();
        assertThat(rule.rungsReached(threeSteps.measurements())).containsExactly(0);
        assertThat(rule.shouldStop(history(List.of(leader), threeSteps), threeSteps)).isTrue();
    }

    @Test
    void aMeasurementThatLeapsPastSeveralRungsReachesEachOfThem() {
        EarlyStopper rule = asha(Fidelity.steps(27), 1.0 / 9, 3);

        assertThat(rule.rungsReached(List.of(Measurement.of(2, 1, Map.of()), Measurement.of(20, 2, Map.of()))))
                .containsExactly(0, 1);
    }
}
