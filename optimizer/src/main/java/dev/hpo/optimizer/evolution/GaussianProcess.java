package dev.hpo.optimizer.evolution;

import dev.hpo.optimizer.core.UnitCube;

/**
 * A Gaussian-process regressor over points of the unit cube: Matérn 5/2 kernel with one length scale per
 * coordinate (categorical coordinates count a mismatch as distance 1), unit signal variance on standardised
 * targets, and a fitted noise level. Length scales and noise maximise the marginal likelihood under a weak
 * log-normal prior, found by a coordinate search in log space: with at most a few hundred trials a
 * Cholesky factorisation costs little, and the fit is deterministic.
 */
final class GaussianProcess {

    private static final double SQRT5 = Math.sqrt(5);
    private static final double MIN_LOG_SCALE = Math.log(0.02);
    private static final double MAX_LOG_SCALE = Math.log(20);
    private static final double MIN_LOG_NOISE = Math.log(1e-6);
    private static final double MAX_LOG_NOISE = Math.log(0.5);

    private final double[][] x;
    private final double[] targets;
    private final boolean[] categorical;
    private final double yMean;
    private final double yScale;
    private final double[] inverseScales2;
    private final double noise;
    private final double[][] chol;
    private final double[] alpha;

    private GaussianProcess(double[][] x, double[] targets, boolean[] categorical, double yMean, double yScale, double[] logScales,
                            double logNoise, double[][] chol, double[] alpha) {
        this.x = x;
        this.targets = targets;
        this.categorical = categorical;
        this.yMean = yMean;
        this.yScale = yScale;
        this.inverseScales2 = inverseSquares(logScales);
        this.noise = Math.exp(logNoise);
        this.chol = chol;
        this.alpha = alpha;
    }

    /**
     * Fits a process to the observations.
     *
     * @param x points, at least two
     * @param y targets, finite
     * @param categorical which coordinates are categorical
     */
    static GaussianProcess fit(double[][] x, double[] y, boolean[] categorical) {
        int d = categorical.length;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double var = 0;
        for (double v : y) {
            var += (v - mean) * (v - mean);
        }
        double scale = Math.sqrt(var / y.length);
        if (!(scale > 1e-12)) {
            scale = 1;
        }
        double[] z = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            z[i] = (y[i] - mean) / scale;
        }
        double[] params = new double[d + 1];
        java.util.Arrays.fill(params, 0, d, Math.log(0.5));
        params[d] = Math.log(1e-3);
        double best = objective(x, z, categorical, params);
        double step = 1.0;
        for (int sweep = 0; sweep < 12 && step > 0.05; sweep++) {
            boolean improved = false;
            for (int i = 0; i <= d; i++) {
                for (double direction : new double[] {step, -step}) {
                    double[] trial = params.clone();
                    trial[i] = clamp(trial[i] + direction, i == d);
                    if (trial[i] == params[i]) {
                        continue;
                    }
                    double value = objective(x, z, categorical, trial);
                    if (value > best) {
                        best = value;
                        params = trial;
                        improved = true;
                        break;
                    }
                }
            }
            if (!improved) {
                step /= 2;
            }
        }
        double[] logScales = java.util.Arrays.copyOf(params, d);
        double[][] k = covariance(x, categorical, inverseSquares(logScales), Math.exp(params[d]));
        double[][] l = cholesky(k);
        double[] a = solveUpper(l, solveLower(l, z));
        return new GaussianProcess(x, z, categorical, mean, scale, logScales, params[d], l, a);
    }

    /** Which coordinates of the cube the kernel treats as categorical: any mismatch is distance 1. */
    static boolean[] categorical(UnitCube cube) {
        boolean[] categorical = new boolean[cube.dimensions()];
        for (int i = 0; i < categorical.length; i++) {
            categorical[i] = cube.kind(i) == UnitCube.Kind.CATEGORICAL;
        }
        return categorical;
    }

    /** The same fitted hyper-parameters on more points, e.g. pending trials given their predicted values. */
    GaussianProcess withPoints(double[][] extraX, double[] extraY) {
        int n = x.length + extraX.length;
        double[][] all = new double[n][];
        double[] z = new double[n];
        for (int i = 0; i < x.length; i++) {
            all[i] = x[i];
        }
        System.arraycopy(targets, 0, z, 0, x.length);
        for (int i = 0; i < extraX.length; i++) {
            all[x.length + i] = extraX[i];
            z[x.length + i] = (extraY[i] - yMean) / yScale;
        }
        double[][] k = covariance(all, categorical, inverseScales2, noise);
        double[][] l = cholesky(k);
        double[] a = solveUpper(l, solveLower(l, z));
        double[] logScales = new double[inverseScales2.length];
        for (int i = 0; i < logScales.length; i++) {
            logScales[i] = -0.5 * Math.log(inverseScales2[i]);
        }
        return new GaussianProcess(all, z, categorical, yMean, yScale, logScales, Math.log(noise), l, a);
    }

    /** Predicted mean and standard deviation at a point, in the targets' units. */
    double[] predict(double[] point) {
        int n = x.length;
        double[] k = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            k[i] = kernel(point, x[i], categorical, inverseScales2);
            mean += k[i] * alpha[i];
        }
        double[] v = solveLower(chol, k);
        double var = 1;
        for (double vi : v) {
            var -= vi * vi;
        }
        var = Math.max(var, 1e-12);
        return new double[] {yMean + yScale * mean, yScale * Math.sqrt(var)};
    }

    private static double objective(double[][] x, double[] z, boolean[] categorical, double[] params) {
        int d = categorical.length;
        double[] logScales = java.util.Arrays.copyOf(params, d);
        double[][] l;
        try {
            l = cholesky(covariance(x, categorical, inverseSquares(logScales), Math.exp(params[d])));
        } catch (ArithmeticException e) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] a = solveLower(l, z);
        double fit = 0;
        for (double v : a) {
            fit += v * v;
        }
        double logDet = 0;
        for (int i = 0; i < l.length; i++) {
            logDet += Math.log(l[i][i]);
        }
        double prior = 0;
        for (int i = 0; i < d; i++) {
            double u = (logScales[i] - Math.log(0.5)) / 1.5;
            prior -= 0.5 * u * u;
        }
        double u = (params[d] - Math.log(1e-3)) / 3;
        prior -= 0.5 * u * u;
        return -0.5 * fit - logDet + prior;
    }

    private static double clamp(double value, boolean noise) {
        return noise ? Math.max(MIN_LOG_NOISE, Math.min(MAX_LOG_NOISE, value))
                : Math.max(MIN_LOG_SCALE, Math.min(MAX_LOG_SCALE, value));
    }

    private static double[] inverseSquares(double[] logScales) {
        double[] w = new double[logScales.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.exp(-2 * logScales[i]);
        }
        return w;
    }

    private static double kernel(double[] a, double[] b, boolean[] categorical, double[] inverseScales2) {
        double r2 = 0;
        for (int i = 0; i < a.length; i++) {
            double delta = categorical[i] ? (Math.abs(a[i] - b[i]) > 1e-12 ? 1 : 0) : a[i] - b[i];
            r2 += delta * delta * inverseScales2[i];
        }
        double r = Math.sqrt(r2);
        return (1 + SQRT5 * r + 5 * r2 / 3) * Math.exp(-SQRT5 * r);
    }

    private static double[][] covariance(double[][] x, boolean[] categorical, double[] inverseScales2, double noise) {
        int n = x.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = kernel(x[i], x[j], categorical, inverseScales2);
                k[i][j] = v;
                k[j][i] = v;
            }
            k[i][i] += noise + 1e-8;
        }
        return k;
    }

    private static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                double[] li = l[i];
                double[] lj = l[j];
                for (int k = 0; k < j; k++) {
                    s -= li[k] * lj[k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new ArithmeticException("covariance matrix is not positive definite");
                    }
                    li[i] = Math.sqrt(s);
                } else {
                    li[j] = s / lj[j];
                }
            }
        }
        return l;
    }

    private static double[] solveLower(double[][] l, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            double[] li = l[i];
            for (int k = 0; k < i; k++) {
                s -= li[k] * y[k];
            }
            y[i] = s / li[i];
        }
        return y;
    }

    private static double[] solveUpper(double[][] l, double[] y) {
        int n = y.length;
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
