package dev.hpo.optimizer.pruning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.optimizer.core.KnownMetrics;
import dev.hpo.space.Configuration;
import dev.hpo.study.Fidelity;
import dev.hpo.study.Objective;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rungs of a study with two objectives keep trials by Pareto rank, then crowding distance. */
class ParetoRungsTest {

    private static final List<Objective> ACCURACY_AND_MACS = List.of(Objective.maximize("accuracy"),
            Objective.minimize("macs"));

    /** MACs known before training: a million times the width. */
    private static final KnownMetrics MACS = new KnownMetrics() {
        @Override
        public Set<String> names() {
            return Set.of("macs");
        }

        @Override
        public Map<String, Double> of(Configuration configuration) {
            return Map.of("macs", 1e6 * ((Number) configuration.values().get("width")).doubleValue());
        }
    };

    /** A trial of width {@code width} whose only measurement, at step 3 of 27, has accuracy {@code accuracy}. */
    private static Trial trial(long number, TrialState state, double width, double accuracy) {
        return Trial.of(number, Configuration.of(Map.of("width", width)), state, Map.of(),
                List.of(Measurement.of(3, 1, Map.of("accuracy", accuracy))), false, Instant.EPOCH);
    }

    private static EarlyStopper asha() {
        return new EarlyStopper(new AshaPruner(1.0 / 9, 3), Fidelity.steps(27), ACCURACY_AND_MACS, MACS);
    }

    /**
     * Issue 20 fault 6: accuracy and MACs both rise with the width, so every configuration is Pareto-optimal, yet
     * a rule on accuracy alone stopped all but the widest. By Pareto rank none is dominated, and the crowding
     * distance keeps the ends of the front and spreads the rest.
     */
    @Test
    void aRungKeepsTheFrontWhenEveryTrialIsParetoOptimal() {
        List<Trial> earlier = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            earlier.add(trial(i, TrialState.COMPLETE, i / 10.0, 0.5 + i / 20.0));
        }
        Trial narrowest = trial(20, TrialState.RUNNING, 0.05, 0.5);
        Trial widest = trial(21, TrialState.RUNNING, 1.0, 1.0);
        Trial dominated = trial(22, TrialState.RUNNING, 0.45, 0.6);

        EarlyStopper rule = asha();
        assertThat(rule.shouldStop(with(earlier, narrowest), narrowest)).isFalse();
        assertThat(rule.shouldStop(with(earlier, widest), widest)).isFalse();
        assertThat(rule.shouldStop(with(earlier, dominated), dominated)).isTrue();
        EarlyStopper onAccuracyAlone = new EarlyStopper(new AshaPruner(1.0 / 9, 3), Fidelity.steps(27),
                ACCURACY_AND_MACS.subList(0, 1), KnownMetrics.none());
        assertThat(onAccuracyAlone.shouldStop(with(earlier, narrowest), narrowest)).isTrue();
    }

    /**
     * A front needs the whole population at the rung: with two objectives the trials a rung stopped still count,
     * while with one ASHA judges against the completed trials only.
     */
    @Test
    void aTwoObjectiveRungCountsTheTrialsItStoppedAndAOneObjectiveRungDoesNot() {
        List<Trial> earlier = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            earlier.add(trial(i, TrialState.PRUNED, 0.45 + i / 100.0, 0.9));
        }
        earlier.add(trial(5, TrialState.COMPLETE, 0.9, 0.95));
        Trial judged = trial(20, TrialState.RUNNING, 0.5, 0.7);

        assertThat(asha().comparesWithCompletedTrialsOnly()).isFalse();
        assertThat(asha().shouldStop(with(earlier, judged), judged)).as("dominated by the stopped ones").isTrue();
        EarlyStopper onAccuracyAlone = new EarlyStopper(new AshaPruner(1.0 / 9, 3), Fidelity.steps(27),
                ACCURACY_AND_MACS.subList(0, 1), KnownMetrics.none());
        assertThat(onAccuracyAlone.comparesWithCompletedTrialsOnly()).isTrue();
        assertThat(onAccuracyAlone.shouldStop(with(earlier, judged), judged)).as("one completed trial: the best one goes on")
                .isTrue();
    }

    @Test
    void objectivesKnownBeforeTrainingAreTakenExactlyAndTrainedOnesAsMeasured() {
        Trial t = trial(1, TrialState.RUNNING, 0.5, 0.8);

        assertThat(asha().losses(t, 0)).hasValueSatisfying(l -> assertThat(l).containsExactly(-0.8, 5e5));
        assertThat(asha().losses(trial(2, TrialState.RUNNING, 0.5, 0.8).withMeasurements(List.of(
                Measurement.of(3, 1, Map.of("loss", 0.3)))), 0)).isEmpty();
    }

    @Test
    void withinAFrontTheMoreCrowdedTrialRanksBehind() {
        // One front of four: the two ends are infinitely far; of the middle two, (0.5, 0.5) has more room.
        List<double[]> front = List.of(new double[] {0, 1}, new double[] {1, 0}, new double[] {0.5, 0.5});
        double[] crowded = {0.95, 0.05};

        assertThat(RungRanking.ahead(crowded, front)).isEqualTo(3);
        assertThat(RungRanking.ahead(new double[] {0.5, 0.5}, List.of(front.get(0), front.get(1), crowded)))
                .isEqualTo(2);
    }

    @Test
    void fastFrontsAgreeWithPairwiseDominance() {
        Random random = new Random(20);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(40);
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // Few distinct values, so ties and duplicates are common.
                points.add(new double[] {random.nextInt(6), random.nextInt(6)});
            }
            assertThat(RungRanking.fronts(points)).containsExactly(pairwiseFronts(points));
        }
    }

    @Test
    void withOneObjectiveTheOrderIsTheLoss() {
        List<double[]> others = List.of(new double[] {0.1}, new double[] {0.2}, new double[] {0.2},
                new double[] {0.3});

        assertThat(RungRanking.ahead(new double[] {0.2}, others)).isEqualTo(1);
        assertThat(RungRanking.ahead(new double[] {0.25}, others)).isEqualTo(3);
        assertThat(RungRanking.ahead(new double[] {0.05}, others)).isZero();
    }

    @Test
    void theMedianRuleKeepsTheBetterHalfByParetoRank() {
        MedianPruner median = new MedianPruner(0.25, 3, 2);
        List<double[]> completed = List.of(new double[] {0, 3}, new double[] {1, 2}, new double[] {2, 1},
                new double[] {3, 0}, new double[] {3, 3});

        assertThat(median.shouldStop(new double[] {0.5, 0.5}, completed)).isFalse();
        assertThat(median.shouldStop(new double[] {1.5, 1.5}, completed)).isTrue();
        assertThat(median.shouldStop(new double[] {4, 4}, completed)).isTrue();
        assertThat(median.shouldStop(new double[] {4, 4}, completed.subList(0, 2))).isFalse();
    }

    private static List<Trial> with(List<Trial> earlier, Trial current) {
        List<Trial> all = new ArrayList<>(earlier);
        all.add(current);
        return all;
    }

    /** Fronts by the definition: peel off the points no remaining point dominates. */
    private static int[] pairwiseFronts(List<double[]> points) {
        int[] front = new int[points.size()];
        java.util.Arrays.fill(front, -1);
        for (int level = 0, left = points.size(); left > 0; level++) {
            List<Integer> peeled = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                if (front[i] >= 0) {
                    continue;
                }
                boolean dominated = false;
                for (int j = 0; j < points.size() && !dominated; j++) {
                    dominated = front[j] < 0 && j != i && dominates(points.get(j), points.get(i));
                }
                if (!dominated) {
                    peeled.add(i);
                }
            }
            for (int i : peeled) {
                front[i] = level;
            }
            left -= peeled.size();
        }
        return front;
    }

    private static boolean dominates(double[] a, double[] b) {
        return a[0] <= b[0] && a[1] <= b[1] && (a[0] < b[0] || a[1] < b[1]);
    }
}
