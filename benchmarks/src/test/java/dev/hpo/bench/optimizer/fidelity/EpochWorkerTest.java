package dev.hpo.bench.optimizer.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.bench.optimizer.lcbench.LcBenchSpace;
import dev.hpo.optimizer.core.RandomSearch;
import dev.hpo.study.Goal;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class EpochWorkerTest {

    private static final String SPEC = LcBenchSpace.spec("worker", LcBenchSpace.algorithm("RANDOM", "NONE"), 1000, 7);

    /** Ten steps rising to the learning rate's share of its range, so configurations differ at every step. */
    private static final Function<Map<String, Object>, double[]> CURVES = parameters -> {
        double rate = ((Number) parameters.get(LcBenchSpace.LEARNING_RATE)).doubleValue();
        double[] curve = new double[10];
        for (int s = 0; s < curve.length; s++) {
            curve[s] = rate * (s + 1);
        }
        return curve;
    };

    @Test
    void spendsTheWholeBudgetAndCutsTheLastTrialShortWhereItRunsOut() {
        LocalStudy study = new LocalStudy(SPEC, new RandomSearch(), Optional.empty());

        RunTrace trace = EpochWorker.run(study, CURVES, 35);

        assertThat(trace.spent()).isEqualTo(35);
        assertThat(trace.trials()).isEqualTo(4);
        assertThat(trace.stopped()).isZero();
        assertThat(trace.fullRuns()).extracting(RunTrace.FullRun::spentAtEnd).containsExactly(10L, 20L, 30L);
        assertThat(study.trials()).extracting(Trial::state).containsExactly(TrialState.COMPLETE,
                TrialState.COMPLETE, TrialState.COMPLETE, TrialState.STOPPED);
        assertThat(study.trials().get(3).measurements()).hasSize(5);
        assertThat(study.suggest()).as("an ended study suggests nothing").isEmpty();
    }

    @Test
    void aRunScoresTheBestTrialItTrainedToTheEndWithinEachBudget() {
        LocalStudy study = new LocalStudy(SPEC, new RandomSearch(), Optional.empty());

        RunTrace trace = EpochWorker.run(study, CURVES, 30);

        double[] ends = study.trials().stream().mapToDouble(t -> t.metrics().get(LcBenchSpace.METRIC)).toArray();
        assertThat(trace.bestAfter(9)).isNaN();
        assertThat(trace.bestAfter(10)).isEqualTo(ends[0]);
        assertThat(trace.bestAfter(29)).isEqualTo(Math.max(ends[0], ends[1]));
        assertThat(trace.bestAfter(30)).isEqualTo(Math.max(ends[0], Math.max(ends[1], ends[2])));
    }

    @Test
    void everyStepOfAStoppedTrialCountsAndItEndsPruned() {
        LocalStudy study = new LocalStudy(SPEC, new RandomSearch(),
                Optional.of(new SuccessiveHalvingRule(Goal.MAXIMIZE)));

        RunTrace trace = EpochWorker.run(study, CURVES, 60);

        long pruned = study.trials().stream().filter(t -> t.state() == TrialState.PRUNED).count();
        int stepsTrained = study.trials().stream().mapToInt(t -> t.measurements().size()).sum();
        assertThat(trace.stopped()).isEqualTo(pruned).isPositive();
        assertThat(stepsTrained).isEqualTo(60);
        assertThat(trace.spent()).isEqualTo(60);
        assertThat(trace.fullRuns()).hasSize((int) study.trials().stream()
                .filter(t -> t.state() == TrialState.COMPLETE).count());
    }
}
