package dev.hpo.optimizer.pruning;

import dev.hpo.study.EarlyStopping;
import java.util.List;

/**
 * An early-stopping rule: where it judges a running trial, its rungs, as shares of the study's fidelity budget, and
 * whether the trial goes on from a rung, given its losses there and those other trials had at the same rung.
 * Losses are the values of the objectives the rule ranks by, turned so that smaller is better; with one objective
 * a loss is a single number, with two a point ranked by Pareto dominance. Rules keep no state: everything they
 * decide on is handed to them.
 */
public interface Pruner {

    /** A rule that lets every trial run to its end: it has no rungs. */
    Pruner NEVER = new Pruner() {
        @Override
        public double[] rungs() {
            return new double[0];
        }

        @Override
        public boolean comparesWithCompletedTrialsOnly(int objectives) {
            return false;
        }

        @Override
        public boolean shouldStop(double[] own, List<double[]> others) {
            return false;
        }
    };

    /** The shares of the budget where a trial is judged, ascending, each in (0, 1). */
    double[] rungs();

    /**
     * True when a trial is compared only with trials that completed, false when with every trial that reached the
     * rung.
     *
     * @param objectives how many objectives a trial is ranked by at a rung, one or two
     */
    boolean comparesWithCompletedTrialsOnly(int objectives);

    /**
     * @param own the judged trial's losses at the rung
     * @param others the losses the other trials had at that rung, as {@link #comparesWithCompletedTrialsOnly} says
     * @return true when the trial should stop and end PRUNED
     */
    boolean shouldStop(double[] own, List<double[]> others);

    /**
     * The rule a study's early-stopping settings name.
     *
     * @param objectives how many objectives a trial is ranked by: 1, or 2 for a study that trades two off
     */
    static Pruner of(EarlyStopping rule, int objectives) {
        return switch (rule.rule()) {
            case NONE -> NEVER;
            case MEDIAN -> new MedianPruner(rule.minFraction(), rule.minTrials(), objectives);
            case ASHA -> new AshaPruner(rule.minFraction(), rule.reductionFactor());
        };
    }
}
