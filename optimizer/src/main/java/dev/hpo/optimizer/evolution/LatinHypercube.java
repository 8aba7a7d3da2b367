package dev.hpo.optimizer.evolution;

import java.util.random.RandomGenerator;

/**
 * A space-filling initial design: every coordinate's range cut into {@code n} strata, each stratum used once,
 * and of several such designs the one whose closest pair of points lies farthest apart (maximin).
 */
final class LatinHypercube {

    private static final int CANDIDATE_DESIGNS = 32;

    private LatinHypercube() {
    }

    static double[][] design(int n, int dimensions, RandomGenerator random) {
        double[][] best = null;
        double bestSpread = -1;
        for (int c = 0; c < CANDIDATE_DESIGNS; c++) {
            double[][] points = new double[n][dimensions];
            for (int d = 0; d < dimensions; d++) {
                int[] strata = permutation(n, random);
                for (int i = 0; i < n; i++) {
                    points[i][d] = (strata[i] + random.nextDouble()) / n;
                }
            }
            double spread = minimumDistance(points);
            if (spread > bestSpread) {
                bestSpread = spread;
                best = points;
            }
        }
        return best;
    }

    private static int[] permutation(int n, RandomGenerator random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static double minimumDistance(double[][] points) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.length; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0;
                for (int d = 0; d < points[i].length; d++) {
                    double delta = points[i][d] - points[j][d];
                    s += delta * delta;
                }
                min = Math.min(min, s);
            }
        }
        return min;
    }
}
