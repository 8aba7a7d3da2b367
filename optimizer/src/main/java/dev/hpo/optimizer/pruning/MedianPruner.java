package dev.hpo.optimizer.pruning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The median stopping rule, judged at checkpoints every {@code minFraction} of the budget from {@code minFraction}
 * on: a trial stops when its loss is worse than the median of the completed trials' losses at the same
 * checkpoint. Until {@code minTrials} completed trials reached that checkpoint, no median is trusted and nothing
 * stops.
 *
 * <p>With two objectives there is no median of points; the trial goes on while it is among the better half,
 * rounded up, of itself and those completed trials, in the Pareto order of {@link RungRanking}.
 */
public final class MedianPruner implements Pruner {

    private final double[] checkpoints;
    private final int minTrials;
    private final int objectives;

    /**
     * @throws IllegalArgumentException when {@code minFraction} is outside (0, 1), {@code minTrials} below 1 or
     *         {@code objectives} not 1 or 2
     */
    public MedianPruner(double minFraction, int minTrials, int objectives) {
        if (!(minFraction > 0 && minFraction < 1)) {
            throw new IllegalArgumentException("minFraction must be in (0, 1), got " + minFraction);
        }
        if (minTrials < 1) {
            throw new IllegalArgumentException("minTrials must be at least 1, got " + minTrials);
        }
        if (objectives != 1 && objectives != 2) {
            throw new IllegalArgumentException("a trial is ranked by one or two objectives, got " + objectives);
        }
        List<Double> list = new ArrayList<>();
        for (int k = 1; k * minFraction < 1 - 1e-9; k++) {
            list.add(k * minFraction);
        }
        this.checkpoints = list.stream().mapToDouble(Double::doubleValue).toArray();
        this.minTrials = minTrials;
        this.objectives = objectives;
    }

    @Override
    public double[] rungs() {
        return checkpoints.clone();
    }

    @Override
    public boolean comparesWithCompletedTrialsOnly(int objectives) {
        return true;
    }

    @Override
    public boolean shouldStop(double[] own, List<double[]> others) {
        if (others.size() < minTrials) {
            return false;
        }
        if (objectives == 2) {
            int kept = (others.size() + 2) / 2;
            return RungRanking.ahead(own, others) >= kept;
        }
        double[] sorted = others.stream().mapToDouble(o -> o[0]).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return own[0] > median;
    }
}
