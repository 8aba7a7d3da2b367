package dev.hpo.optimizer.evolution;

import java.util.Arrays;

/**
 * A monotone map of losses before a surrogate models them: {@code log(loss - min + delta)} with
 * {@code delta = 0.3 * (median - min)}. Objectives such as Branin's range over orders of magnitude; after the
 * map a surrogate spends its flexibility on the differences near the best results instead of on fitting a few
 * huge values, and it still sees how much better the best is than its neighbours: a rank transform would hide
 * exactly that, and a search guided by ranks stalls near an optimum.
 */
final class Warp {

    private static final double DELTA_SHARE = 0.3;

    private final double min;
    private final double delta;

    private Warp(double min, double delta) {
        this.min = min;
        this.delta = delta;
    }

    static Warp of(double[] losses) {
        double[] sorted = losses.clone();
        Arrays.sort(sorted);
        double min = sorted[0];
        double median = sorted[sorted.length / 2];
        double spread = median > min ? median - min : Math.max(sorted[sorted.length - 1] - min, 1e-12);
        return new Warp(min, Math.max(1e-12, DELTA_SHARE * spread));
    }

    /** Defined for every loss above {@code min - delta}: the observed ones and any incumbent among them. */
    double apply(double loss) {
        return Math.log(Math.max(loss - min + delta, 1e-300));
    }

    double[] apply(double[] losses) {
        return Arrays.stream(losses).map(this::apply).toArray();
    }
}
