package dev.hpo.api.optimizer.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hpo.api.optimizer.StudyHistory;
import dev.hpo.api.optimizer.TrialRecord;
import dev.hpo.space.Configuration;
import dev.hpo.study.StudySpec;
import dev.hpo.study.StudySpecParser;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.TrialState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrunersTest {

    private static final Duration CAP = Duration.ofSeconds(100);

    static final StudySpec SPEC = StudySpecParser.parse("""
            {"name": "p", "objectives": [{"metric": "accuracy", "goal": "MAXIMIZE"}],
             "budget": {"maxTrials": 50},
             "trialSettings": {"timeCap": "100s"},
             "parameters": [{"name": "x", "type": "float", "min": 0, "max": 1}]}
            """);

    /** A trial with accuracy {@code values[i]} measured at {@code 10 * (i + 1)} seconds. */
    private static TrialRecord trial(long number, TrialState state, double... values) {
        List<Measurement> measurements = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            measurements.add(Measurement.of(i, 10.0 * (i + 1), Map.of("accuracy", values[i])));
        }
        return new TrialRecord(number, Configuration.of(Map.of("x", number / 100.0)), state,
                state == TrialState.COMPLETE ? Map.of("accuracy", values[values.length - 1]) : Map.of(),
                measurements, false);
    }

    private static StudyHistory history(List<TrialRecord> earlier, TrialRecord current) {
        List<TrialRecord> all = new ArrayList<>(earlier);
        all.add(current);
        return new StudyHistory(SPEC, all);
    }

    private static List<TrialRecord> completed() {
        return List.of(trial(0, TrialState.COMPLETE, 0.5, 0.6, 0.7, 0.8, 0.9),
                trial(1, TrialState.COMPLETE, 0.4, 0.5, 0.6, 0.7, 0.8),
                trial(2, TrialState.COMPLETE, 0.3, 0.4, 0.5, 0.6, 0.7));
    }

    @Test
    void medianRuleStopsATrialBelowTheMedianAtTheSameProgress() {
        MedianPruner pruner = new MedianPruner(CAP, "accuracy", true, 0.25, 3);
        TrialRecord poor = trial(3, TrialState.RUNNING, 0.1, 0.2, 0.3);
        TrialRecord fine = trial(4, TrialState.RUNNING, 0.4, 0.5, 0.55);

        // At 30 s the completed trials' best values are 0.7, 0.6, 0.5: median 0.6.
        assertThat(pruner.shouldPrune(history(completed(), poor), poor)).isTrue();
        assertThat(pruner.shouldPrune(history(completed(), fine), fine)).isTrue();
        TrialRecord good = trial(5, TrialState.RUNNING, 0.4, 0.5, 0.65);
        assertThat(pruner.shouldPrune(history(completed(), good), good)).isFalse();
    }

    @Test
    void medianRuleWaitsForTheMinimumProgressAndEnoughTrials() {
        MedianPruner pruner = new MedianPruner(CAP, "accuracy", true, 0.25, 3);
        TrialRecord early = trial(3, TrialState.RUNNING, 0.0, 0.0);
        TrialRecord late = trial(3, TrialState.RUNNING, 0.0, 0.0, 0.0);

        assertThat(pruner.shouldPrune(history(completed(), early), early)).isFalse();
        assertThat(pruner.shouldPrune(history(completed().subList(0, 2), late), late)).isFalse();
        assertThat(pruner.shouldPrune(history(completed(), late), late)).isTrue();
    }

    @Test
    void medianRuleComparesOnlyWithCompletedTrials() {
        MedianPruner pruner = new MedianPruner(CAP, "accuracy", true, 0.25, 1);
        TrialRecord running = trial(0, TrialState.RUNNING, 0.9, 0.9, 0.9);
        TrialRecord current = trial(1, TrialState.RUNNING, 0.1, 0.1, 0.1);

        assertThat(pruner.shouldPrune(history(List.of(running), current), current)).isFalse();
    }

    @Test
    void medianRuleFollowsAMinimisedMetric() {
        MedianPruner pruner = new MedianPruner(CAP, "accuracy", false, 0.25, 3);
        TrialRecord low = trial(3, TrialState.RUNNING, 0.1, 0.2, 0.3);

        assertThat(pruner.shouldPrune(history(completed(), low), low)).isFalse();
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
        List<TrialRecord> earlier = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            earlier.add(trial(i, TrialState.PRUNED, 0.05, 0.1 * (i + 1)));
        }
        TrialRecord top = trial(10, TrialState.RUNNING, 0.1, 0.7);
        TrialRecord second = trial(11, TrialState.RUNNING, 0.1, 0.55);
        TrialRecord third = trial(12, TrialState.RUNNING, 0.1, 0.45);

        // Seven values: the best floor(7 / 3) = 2 go on.
        assertThat(pruner.shouldPrune(history(earlier, top), top)).isFalse();
        assertThat(pruner.shouldPrune(history(earlier, second), second)).isFalse();
        assertThat(pruner.shouldPrune(history(earlier, third), third)).isTrue();
    }

    @Test
    void ashaDecidesOnlyWhenARungIsReached() {
        AshaPruner pruner = new AshaPruner(CAP, "accuracy", true, 0.2, 3);
        List<TrialRecord> earlier = List.of(trial(0, TrialState.COMPLETE, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9));
        TrialRecord beforeRung = trial(1, TrialState.RUNNING, 0.1);
        TrialRecord atRung = trial(1, TrialState.RUNNING, 0.1, 0.1);
        TrialRecord pastRung = trial(1, TrialState.RUNNING, 0.1, 0.1, 0.1);

        assertThat(pruner.shouldPrune(history(earlier, beforeRung), beforeRung)).isFalse();
        assertThat(pruner.shouldPrune(history(earlier, atRung), atRung)).isTrue();
        assertThat(pruner.shouldPrune(history(earlier, pastRung), pastRung)).isFalse();
    }
}
