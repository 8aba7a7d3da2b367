package dev.hpo.bench.optimizer;

import dev.hpo.optimizer.core.EvaluatedConfiguration;
import dev.hpo.optimizer.core.Evaluations;
import dev.hpo.optimizer.core.Feasibility;
import dev.hpo.optimizer.core.SearchAlgorithm;
import dev.hpo.optimizer.core.SearchProblem;
import dev.hpo.optimizer.core.TriedConfigurations;
import dev.hpo.optimizer.core.UnitCube;
import dev.hpo.space.Configuration;
import dev.hpo.trial.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The reference the evolution is measured against: the tree-structured Parzen estimator of Bergstra et al.
 * (2011) as hyperopt implements it. After {@code startup} random trials, the finished trials are split at the
 * {@code gamma} quantile of their loss into good ones, modelled by {@code l(x)}, and the rest, {@code g(x)}; 24
 * candidates drawn from {@code l} are scored by {@code l(x)/g(x)} (which is monotone in expected improvement) and
 * the best is proposed.
 *
 * <p>Per coordinate, in the unit cube: floats and integers use hyperopt's adaptive Parzen estimator (a prior
 * component at the centre with the full range as width, one truncated normal per observation whose width is
 * the larger gap to its sorted neighbours, clipped to {@code [1/min(100, n+1), 1]}); categoricals use smoothed
 * frequencies (counts plus a uniform prior of weight 1). Observations older than the newest 25 are down-weighted
 * linearly (hyperopt's "linear forgetting"). Like every algorithm of the benchmark, it skips candidates that
 * break a known constraint or were already tried.
 */
final class TreeParzenEstimator implements SearchAlgorithm {

    static final int CANDIDATES = 24;
    static final int FORGETTING = 25;

    private final double gamma;
    private final int startup;
    private final boolean sqrtSplit;

    /**
     * @param gamma quantile of the good group
     * @param startup random trials before the model is used
     * @param sqrtSplit true for hyperopt's good-group size {@code ceil(gamma * sqrt(n))}, false for
     *        {@code ceil(gamma * n)}
     */
    TreeParzenEstimator(double gamma, int startup, boolean sqrtSplit) {
        this.gamma = gamma;
        this.startup = startup;
        this.sqrtSplit = sqrtSplit;
    }

    @Override
    public List<Configuration> propose(SearchProblem problem, List<Trial> trials, int count) {
        Evaluations evaluations = Evaluations.of(problem, trials);
        UnitCube cube = evaluations.cube();
        TriedConfigurations tried = evaluations.tried();
        SplittableRandom random = new SplittableRandom(problem.seed() * 0x9E3779B97F4A7C15L + trials.size());
        List<EvaluatedConfiguration> finished = evaluations.finished().stream()
                .filter(c -> c.standing().ranked()).toList();
        List<Configuration> proposals = new ArrayList<>();
        while (proposals.size() < count) {
            Optional<double[]> next = finished.size() < startup
                    ? Feasibility.randomPoint(problem, cube, tried, random)
                    : modelPoint(problem, cube, tried, finished, random);
            if (next.isEmpty()) {
                break;
            }
            tried.add(next.get());
            proposals.add(cube.decode(next.get()));
        }
        return proposals;
    }

    private Optional<double[]> modelPoint(SearchProblem problem, UnitCube cube, TriedConfigurations tried,
                                          List<EvaluatedConfiguration> finished, SplittableRandom random) {
        int n = finished.size();
        double[] weights = forgettingWeights(n);
        Integer[] byLoss = new Integer[n];
        for (int i = 0; i < n; i++) {
            byLoss[i] = i;
        }
        Arrays.sort(byLoss, Comparator.comparing((Integer i) -> finished.get(i).standing()).reversed()
                .thenComparingInt(i -> i));
        int good = (int) Math.ceil(gamma * (sqrtSplit ? Math.sqrt(n) : n));
        good = Math.max(1, Math.min(good, n - 1));
        List<Integer> below = Arrays.asList(byLoss).subList(0, good).stream().sorted().toList();
        List<Integer> above = Arrays.asList(byLoss).subList(good, n).stream().sorted().toList();
        int d = cube.dimensions();
        Estimator[] l = new Estimator[d];
        Estimator[] g = new Estimator[d];
        for (int j = 0; j < d; j++) {
            l[j] = estimator(cube, j, finished, below, weights);
            g[j] = estimator(cube, j, finished, above, weights);
        }
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int drawn = 0;
        for (int attempt = 0; drawn < CANDIDATES && attempt < CANDIDATES * 200; attempt++) {
            double[] u = new double[d];
            for (int j = 0; j < d; j++) {
                u[j] = l[j].sample(random);
            }
            double[] canonical = cube.canonical(u);
            if (!Feasibility.admissible(problem, cube, tried, canonical)) {
                continue;
            }
            drawn++;
            double score = 0;
            for (int j = 0; j < d; j++) {
                score += Math.log(l[j].density(canonical[j])) - Math.log(g[j].density(canonical[j]));
            }
            if (score > bestScore) {
                bestScore = score;
                best = canonical;
            }
        }
        return best != null ? Optional.of(best) : Feasibility.randomPoint(problem, cube, tried, random);
    }

    /** hyperopt's linear forgetting: the newest 25 weigh 1, older ones ramp from 1/n up to 1. */
    static double[] forgettingWeights(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        if (n > FORGETTING) {
            int old = n - FORGETTING;
            for (int i = 0; i < old; i++) {
                w[i] = 1.0 / n + (1 - 1.0 / n) * i / Math.max(1, old - 1);
            }
        }
        return w;
    }

    private static Estimator estimator(UnitCube cube, int coordinate, List<EvaluatedConfiguration> finished,
                                       List<Integer> members, double[] weights) {
        double[] values = new double[members.size()];
        double[] w = new double[members.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = finished.get(members.get(i)).unit()[coordinate];
            w[i] = weights[members.get(i)];
        }
        return cube.kind(coordinate) == UnitCube.Kind.CATEGORICAL
                ? Estimator.categorical(values, w, cube.levels(coordinate))
                : Estimator.parzen(values, w);
    }

    /** A one-dimensional density on [0, 1]. */
    private interface Estimator {
        double sample(SplittableRandom random);

        double density(double u);

        static Estimator categorical(double[] values, double[] weights, int levels) {
            double[] p = new double[levels];
            Arrays.fill(p, 1.0 / levels);
            for (int i = 0; i < values.length; i++) {
                p[Math.min(levels - 1, (int) Math.floor(values[i] * levels))] += weights[i];
            }
            double total = Arrays.stream(p).sum();
            for (int k = 0; k < levels; k++) {
                p[k] /= total;
            }
            return new Estimator() {
                @Override
                public double sample(SplittableRandom random) {
                    double r = random.nextDouble();
                    for (int k = 0; k < levels; k++) {
                        r -= p[k];
                        if (r < 0) {
                            return (k + 0.5) / levels;
                        }
                    }
                    return (levels - 0.5) / levels;
                }

                @Override
                public double density(double u) {
                    return p[Math.min(levels - 1, (int) Math.floor(u * levels))];
                }
            };
        }

        static Estimator parzen(double[] values, double[] weights) {
            int n = values.length;
            // The prior joins the observations: mean 0.5, width 1 (the whole range), weight 1.
            double[] mus = new double[n + 1];
            double[] w = new double[n + 1];
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
            int priorPos = 0;
            while (priorPos < n && values[order[priorPos]] < 0.5) {
                priorPos++;
            }
            for (int i = 0, k = 0; i <= n; i++) {
                if (i == priorPos) {
                    mus[i] = 0.5;
                    w[i] = 1;
                } else {
                    mus[i] = values[order[k]];
                    w[i] = weights[order[k]];
                    k++;
                }
            }
            double[] sigmas = new double[n + 1];
            double minSigma = 1.0 / Math.min(100, n + 2);
            for (int i = 0; i <= n; i++) {
                // The ends take their one gap, inner components the larger of their two.
                double left = i > 0 ? mus[i] - mus[i - 1] : 0;
                double right = i < n ? mus[i + 1] - mus[i] : 0;
                sigmas[i] = Math.max(minSigma, Math.min(1, Math.max(left, right)));
            }
            sigmas[priorPos] = 1;
            double total = Arrays.stream(w).sum();
            double[] mass = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                w[i] /= total;
                mass[i] = phi((1 - mus[i]) / sigmas[i]) - phi((0 - mus[i]) / sigmas[i]);
            }
            return new Estimator() {
                @Override
                public double sample(SplittableRandom random) {
                    double r = random.nextDouble();
                    int k = 0;
                    while (k < n && (r -= w[k]) >= 0) {
                        k++;
                    }
                    for (int attempt = 0; attempt < 1000; attempt++) {
                        double x = mus[k] + sigmas[k] * random.nextGaussian();
                        if (x >= 0 && x < 1) {
                            return x;
                        }
                    }
                    return Math.min(Math.nextDown(1.0), Math.max(0, mus[k]));
                }

                @Override
                public double density(double u) {
                    double p = 0;
                    for (int i = 0; i <= n; i++) {
                        double z = (u - mus[i]) / sigmas[i];
                        p += w[i] * Math.exp(-0.5 * z * z) / (sigmas[i] * Math.sqrt(2 * Math.PI) * mass[i]);
                    }
                    return Math.max(p, 1e-300);
                }
            };
        }

        private static double phi(double z) {
            return 0.5 * (1 + erf(z / Math.sqrt(2)));
        }

        private static double erf(double x) {
            double t = 1 / (1 + 0.5 * Math.abs(x));
            double y = 1 - t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                    + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                    + t * (-0.82215223 + t * 0.17087277)))))))));
            return x >= 0 ? y : -y;
        }
    }
}
