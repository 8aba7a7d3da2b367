package dev.hpo.optimizer.pruning;

import java.util.ArrayList;
import java.util.List;

/**
 * Asynchronous successive halving (Li et al., 2020). Rungs sit at {@code minFraction * eta^k} of the budget,
 * below the full budget. When a trial first reaches a rung it goes on only when it is among the best
 * {@code floor(n / eta)} of itself and the {@code n - 1} completed trials that got there (among the best one while
 * fewer than {@code eta} are). Nobody waits for a rung to fill: a decision uses whatever has arrived.
 *
 * <p>Against completed trials, not every trial that reached the rung: a stopped trial is never resumed here, so
 * the trials a rung cut would otherwise stay in its pool for good, and with a search that improves, each new
 * trial lands in the top {@code 1 / eta} of a pool swollen by the ones cut before it and goes on. The completed
 * trials are those whose value at the rung was carried to the end: a trial goes on when it looks like one of the
 * best of them, which is the share of survivors successive halving means to keep. With two objectives a rung keeps
 * judging against every trial that reached it: a front and its crowding distances need the whole population
 * there, and on the two-objective benchmark ranking against completed trials alone lost hypervolume at every
 * budget.
 *
 * <p>With one objective "best" is the smaller loss; with two it is the order of multi-objective successive halving
 * (Schmucker et al., 2021): Pareto front first, then crowding distance within the front ({@link RungRanking}).
 */
public final class AshaPruner implements Pruner {

    private final double[] rungs;
    private final int eta;

    /**
     * @throws IllegalArgumentException when {@code eta} is below 2 or {@code minFraction} outside (0, 1)
     */
    public AshaPruner(double minFraction, int eta) {
        if (eta < 2) {
            throw new IllegalArgumentException("reductionFactor must be at least 2, got " + eta);
        }
        if (!(minFraction > 0 && minFraction < 1)) {
            throw new IllegalArgumentException("minFraction must be in (0, 1), got " + minFraction);
        }
        this.eta = eta;
        List<Double> list = new ArrayList<>();
        for (double r = minFraction; r < 1 - 1e-9; r *= eta) {
            list.add(r);
        }
        this.rungs = list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public double[] rungs() {
        return rungs.clone();
    }

    @Override
    public boolean comparesWithCompletedTrialsOnly(int objectives) {
        return objectives == 1;
    }

    @Override
    public boolean shouldStop(double[] own, List<double[]> others) {
        int promoted = Math.max(1, (others.size() + 1) / eta);
        return RungRanking.ahead(own, others) >= promoted;
    }
}
