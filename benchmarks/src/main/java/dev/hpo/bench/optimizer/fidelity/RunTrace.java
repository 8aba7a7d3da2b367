package dev.hpo.bench.optimizer.fidelity;

import java.util.List;

/**
 * What one run of a study spent and found, counted in steps (epochs): every trial it trained to the end, with the
 * steps the run had spent when that trial ended.
 *
 * @param budget the steps the run was given
 * @param spent the steps it trained, at most {@code budget}; fewer only when the study ran out of suggestions
 * @param trials trials it started
 * @param stopped trials it stopped before their end because the study said so
 * @param fullRuns the trials trained to the end, in the order they ended
 * @param seconds wall-clock seconds the run took
 */
public record RunTrace(long budget, long spent, int trials, int stopped, List<FullRun> fullRuns, double seconds) {

    public RunTrace {
        fullRuns = List.copyOf(fullRuns);
    }

    /**
     * A trial trained to the end.
     *
     * @param spentAtEnd the run's steps spent, this trial's included, when it ended
     * @param value its metric at the end
     */
    public record FullRun(long spentAtEnd, double value) {
    }

    /**
     * The score of the run after {@code steps} steps: the highest end value of the trials it had trained to the end
     * by then; NaN when it had trained none to the end.
     */
    public double bestAfter(long steps) {
        double best = Double.NaN;
        for (FullRun run : fullRuns) {
            if (run.spentAtEnd() <= steps && !(run.value() <= best)) {
                best = run.value();
            }
        }
        return best;
    }
}
