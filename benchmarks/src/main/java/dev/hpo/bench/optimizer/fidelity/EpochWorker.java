package dev.hpo.bench.optimizer.fidelity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one worker of a benchmark study whose trials train step by step: it takes a suggestion, reports the metric
 * after every step and stops when told, until the run's budget of steps is spent. Every step trained costs one,
 * whether its trial ends at its last step or is stopped early; a trial still training when the budget runs out is
 * cut short there.
 */
public final class EpochWorker {

    private EpochWorker() {
    }

    /**
     * @param curves a configuration's metric after each step, step 1 first: the whole learning curve of one trial
     * @param budget the steps the run may train
     */
    public static RunTrace run(Study study, Function<Map<String, Object>, double[]> curves, long budget) {
        long start = System.nanoTime();
        long spent = 0;
        int trials = 0;
        int stopped = 0;
        List<RunTrace.FullRun> fullRuns = new ArrayList<>();
        training:
        while (spent < budget) {
            Optional<Study.Suggested> next = study.suggest();
            if (next.isEmpty()) {
                break;
            }
            Study.Suggested trial = next.get();
            trials++;
            double[] curve = curves.apply(trial.parameters());
            for (int step = 1; step <= curve.length; step++) {
                if (spent == budget) {
                    break training;
                }
                spent++;
                double value = curve[step - 1];
                boolean stop = study.measure(trial, step, value);
                if (stop || step == curve.length) {
                    study.complete(trial, value);
                    if (stop) {
                        stopped++;
                    } else {
                        fullRuns.add(new RunTrace.FullRun(spent, value));
                    }
                    break;
                }
            }
        }
        study.end();
        return new RunTrace(budget, spent, trials, stopped, fullRuns, (System.nanoTime() - start) / 1e9);
    }
}
