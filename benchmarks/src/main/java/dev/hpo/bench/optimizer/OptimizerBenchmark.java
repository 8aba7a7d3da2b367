package dev.hpo.bench.optimizer;

import dev.hpo.optimizer.core.SearchAlgorithm;
import dev.hpo.optimizer.core.SearchProblem;
import dev.hpo.space.Configuration;
import dev.hpo.study.Constraint;
import dev.hpo.trial.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs an algorithm on a problem one trial at a time, as a single worker would, and records the best feasible
 * value after each evaluation.
 */
final class OptimizerBenchmark {

    private OptimizerBenchmark() {
    }

    /** One run's trace: {@code best[i]} is the best feasible objective after {@code i + 1} evaluations. */
    record Trace(double[] best, double seconds) {
    }

    static Trace run(SearchAlgorithm algorithm, BenchProblem bench, long seed, int evaluations) {
        SearchProblem problem = bench.problem(seed);
        List<Trial> trials = new ArrayList<>();
        double[] best = new double[evaluations];
        double incumbent = Double.NaN;
        long start = System.nanoTime();
        for (int i = 0; i < evaluations; i++) {
            List<Configuration> next = algorithm.propose(problem, trials, 1);
            if (!next.isEmpty()) {
                Configuration configuration = next.get(0);
                Map<String, Double> metrics = bench.evaluate(configuration);
                trials.add(Trial.completed(i, configuration, metrics));
                if (feasible(problem, metrics)) {
                    double value = metrics.get(problem.objective().metric());
                    if (Double.isNaN(incumbent) || problem.objective().loss(value) < problem.objective().loss(incumbent)) {
                        incumbent = value;
                    }
                }
            }
            best[i] = incumbent;
        }
        return new Trace(best, (System.nanoTime() - start) / 1e9);
    }

    static boolean feasible(SearchProblem problem, Map<String, Double> metrics) {
        for (Constraint c : problem.constraints()) {
            Double v = metrics.get(c.metric());
            if (v == null || !c.satisfiedBy(v)) {
                return false;
            }
        }
        return true;
    }

    /** The median of the values (NaN, for "nothing feasible yet", sorts last). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
