package dev.hpo.api.optimizer.evolution;

import java.util.Arrays;

/**
 * A monotone map of losses to normal scores by rank (a Gaussian copula), interpolated between observed
 * losses and continued linearly beyond them. Objectives such as Branin's range over orders of magnitude;
 * after the warp, a surrogate spends its flexibility on the ordering near the best results instead of on
 * fitting a few huge values.
 */
final class Warp {

    private final double[] sortedLosses;
    private final double[] scores;

    private Warp(double[] sortedLosses, double[] scores) {
        this.sortedLosses = sortedLosses;
        this.scores = scores;
    }

    static Warp of(double[] losses) {
        double[] sorted = losses.clone();
        Arrays.sort(sorted);
        // Merge ties so the map stays a function.
        double[] unique = Arrays.stream(sorted).distinct().toArray();
        int n = unique.length;
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = Normal.quantile((i + 0.5) / n);
        }
        return new Warp(unique, scores);
    }

    double apply(double loss) {
        int n = sortedLosses.length;
        if (n == 1) {
            return loss - sortedLosses[0];
        }
        int i = Arrays.binarySearch(sortedLosses, loss);
        if (i >= 0) {
            return scores[i];
        }
        int upper = -i - 1;
        int lo = Math.max(0, Math.min(n - 2, upper - 1));
        double x0 = sortedLosses[lo];
        double x1 = sortedLosses[lo + 1];
        return scores[lo] + (scores[lo + 1] - scores[lo]) * (loss - x0) / (x1 - x0);
    }

    double[] apply(double[] losses) {
        return Arrays.stream(losses).map(this::apply).toArray();
    }
}
