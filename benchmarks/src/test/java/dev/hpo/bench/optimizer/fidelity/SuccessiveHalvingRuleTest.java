package dev.hpo.bench.optimizer.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.bench.optimizer.lcbench.LcBenchSpace;
import dev.hpo.optimizer.core.RandomSearch;
import dev.hpo.study.Goal;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuccessiveHalvingRuleTest {

    private static final String SPEC = LcBenchSpace.spec("sh", LcBenchSpace.algorithm("RANDOM", "NONE"), 100, 1);

    /** A saturating curve per trial, the same as the script that produced {@link #OPTUNA_ENDS}. */
    private static double value(int trial, int step) {
        double top = 50 + (trial * 37) % 50;
        double pace = 1 + (trial * 13) % 20;
        return Math.round(top * (1 - Math.exp(-step / pace)) * 1e6) / 1e6;
    }

    /**
     * The step at which each of 30 trials ended, 52 steps each, reporting {@link #value} after every step, under
     * Optuna 3.1.0's {@code SuccessiveHalvingPruner()} in a study that maximises: from {@code study.ask()},
     * {@code trial.report(value, step)} and {@code trial.should_prune()} after every step, the trial told PRUNED
     * when it should prune and completed at step 52 otherwise.
     */
    private static final int[] OPTUNA_ENDS = {52, 52, 52, 1, 1, 52, 1, 1, 52, 1, 1, 1, 1, 1, 4, 1, 1, 16, 1, 1, 16, 1,
            1, 1, 1, 1, 1, 1, 4, 1};

    @Test
    void stopsTrialsWhereOptunasSuccessiveHalvingPrunerDoes() {
        LocalStudy study = new LocalStudy(SPEC, new RandomSearch(),
                Optional.of(new SuccessiveHalvingRule(Goal.MAXIMIZE)));
        List<Integer> ends = new ArrayList<>();
        for (int trial = 0; trial < OPTUNA_ENDS.length; trial++) {
            Study.Suggested suggested = study.suggest().orElseThrow();
            int step = 1;
            while (step < 52 && !study.measure(suggested, step, value(trial, step))) {
                step++;
            }
            if (step == 52) {
                study.measure(suggested, step, value(trial, step));
            }
            study.complete(suggested, value(trial, step));
            ends.add(step);
        }

        assertThat(ends).containsExactly(java.util.Arrays.stream(OPTUNA_ENDS).boxed().toArray(Integer[]::new));
        assertThat(study.trials()).extracting(Trial::state).filteredOn(s -> s == TrialState.COMPLETE).hasSize(5);
    }

    @Test
    void stopsNothingBeforeATrialHasCompletedAndStartsFromItsLastStepOverAHundred() {
        SuccessiveHalvingRule rule = new SuccessiveHalvingRule(Goal.MINIMIZE);

        assertThat(rule.shouldStop(List.of(), 0, 1, 5.0)).isFalse();
        assertThat(rule.shouldStop(List.of(), 0, 400, 5.0)).isFalse();
    }

    @Test
    void aTrialWorseThanTheKeptQuarterAtARungStopsThereWhenMinimising() {
        LocalStudy study = new LocalStudy(SPEC, new RandomSearch(),
                Optional.of(new SuccessiveHalvingRule(Goal.MINIMIZE)));
        // The first trial completes at step 200: the minimum resource is 2, rungs at 2, 8, 32 and 128.
        Study.Suggested first = study.suggest().orElseThrow();
        assertThat(study.measure(first, 200, 1.0)).isFalse();
        study.complete(first, 1.0);
        // Four trials at rung 0 (step 2) with losses 1, 2, 3, 4: each is judged against those before it.
        boolean[] stopped = new boolean[4];
        for (int i = 0; i < 4; i++) {
            Study.Suggested next = study.suggest().orElseThrow();
            assertThat(study.measure(next, 1, 0.0)).isFalse();
            stopped[i] = study.measure(next, 2, i + 1.0);
            study.complete(next, i + 1.0);
        }

        // 1 alone: best of one. 2 after 1: fewer than 4 values, only the best goes on. 3: likewise. 4: the best
        // floor(4 / 4) = 1 of 1, 2, 3, 4 is 1.
        assertThat(stopped).containsExactly(false, true, true, true);
    }
}
