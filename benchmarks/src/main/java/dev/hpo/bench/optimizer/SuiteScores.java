package dev.hpo.bench.optimizer;

import java.util.Arrays;

/**
 * The figures of a suite of runs, per arm at one budget: the median regret over cases (a case is one task and one
 * seed) and the mean rank of the arm among the arms within each case. A run that has trained no configuration to the
 * end by that budget scores 0, below every real score.
 */
final class SuiteScores {

    private SuiteScores() {
    }

    /**
     * @param scores {@code scores[case][arm]}: a run's score, higher is better, NaN when it has none yet
     * @param best {@code best[case]}: the best score reachable in that case
     * @return per arm, the median over cases of {@code best - score}
     */
    static double[] medianRegret(double[][] scores, double[] best) {
        int arms = scores.length == 0 ? 0 : scores[0].length;
        double[] median = new double[arms];
        for (int a = 0; a < arms; a++) {
            double[] regret = new double[scores.length];
            for (int c = 0; c < scores.length; c++) {
                regret[c] = best[c] - scored(scores[c][a]);
            }
            median[a] = median(regret);
        }
        return median;
    }

    /**
     * @param scores {@code scores[case][arm]}: a run's score, higher is better, NaN when it has none yet
     * @return per arm, its mean over cases of its rank among the arms in the case: 1 for the best, tied arms sharing
     *         the mean of the ranks they span
     */
    static double[] meanRank(double[][] scores) {
        int arms = scores.length == 0 ? 0 : scores[0].length;
        double[] total = new double[arms];
        for (double[] byArm : scores) {
            for (int a = 0; a < arms; a++) {
                int better = 0;
                int tied = 0;
                for (int b = 0; b < arms; b++) {
                    if (scored(byArm[b]) > scored(byArm[a])) {
                        better++;
                    } else if (b != a && scored(byArm[b]) == scored(byArm[a])) {
                        tied++;
                    }
                }
                total[a] += better + 1 + tied / 2.0;
            }
        }
        double[] mean = new double[arms];
        for (int a = 0; a < arms; a++) {
            mean[a] = total[a] / scores.length;
        }
        return mean;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** A run's score, 0 while it has none. */
    static double scored(double score) {
        return Double.isNaN(score) ? 0 : score;
    }
}
