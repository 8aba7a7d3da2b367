package dev.hpo.bench.optimizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.optimizer.core.RandomSearch;
import dev.hpo.optimizer.core.SearchAlgorithm;
import dev.hpo.optimizer.core.SearchProblem;
import dev.hpo.optimizer.evolution.Nsga2Search;
import dev.hpo.optimizer.pareto.Hypervolume;
import dev.hpo.space.Configuration;
import dev.hpo.study.Objective;
import dev.hpo.trial.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NSGA-II against random search on the mixed training problem with two objectives, validation error and MACs
 * (known before training), by the hypervolume of the feasible points found, with losses (error, MACs / 1e8)
 * and reference point (1, 1).
 */
final class MultiObjectiveBench {

    private static final double[] REFERENCE = {1.0, 1.0};

    private MultiObjectiveBench() {
    }

    static ObjectNode run(ObjectMapper json, List<String> algorithmNames, int seeds, int evaluations,
                          List<Integer> checkpoints) {
        Map<String, SearchAlgorithm> algorithms = new LinkedHashMap<>();
        if (algorithmNames.contains("NSGA2")) {
            algorithms.put("NSGA2", new Nsga2Search());
        }
        if (algorithmNames.contains("RANDOM")) {
            algorithms.put("RANDOM", new RandomSearch());
        }
        ObjectNode node = json.createObjectNode();
        node.put("problem", "two-objective");
        node.put("goal", "maximize hypervolume of (error, macs / 1e8) below reference (1, 1)");
        ObjectNode medians = node.putObject("medianHypervolume");
        ObjectNode seconds = node.putObject("secondsPerRun");
        for (Map.Entry<String, SearchAlgorithm> entry : algorithms.entrySet()) {
            double[][] volumes = new double[checkpoints.size()][seeds];
            double total = 0;
            for (int s = 0; s < seeds; s++) {
                long start = System.nanoTime();
                double[] trace = run(entry.getValue(), 1000L + s, evaluations);
                total += (System.nanoTime() - start) / 1e9;
                for (int c = 0; c < checkpoints.size(); c++) {
                    volumes[c][s] = trace[checkpoints.get(c) - 1];
                }
            }
            ObjectNode perBudget = medians.putObject(entry.getKey());
            for (int c = 0; c < checkpoints.size(); c++) {
                perBudget.put(String.valueOf(checkpoints.get(c)),
                        OptimizerBenchCommand.round(OptimizerBenchmark.median(volumes[c])));
            }
            seconds.put(entry.getKey(), OptimizerBenchCommand.round(total / seeds));
        }
        return node;
    }

    static SearchProblem problem(long seed) {
        return new SearchProblem(StandardProblems.MixedTraining.space(),
                List.of(Objective.minimize("error"), Objective.minimize("macs")), List.of(),
                StandardProblems.MixedTraining.KNOWN, StandardProblems.POPULATION, seed);
    }

    /** Hypervolume after each evaluation. */
    static double[] run(SearchAlgorithm algorithm, long seed, int evaluations) {
        SearchProblem problem = problem(seed);
        List<Trial> trials = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        double[] volume = new double[evaluations];
        for (int i = 0; i < evaluations; i++) {
            List<Configuration> next = algorithm.propose(problem, trials, 1);
            if (!next.isEmpty()) {
                Configuration c = next.get(0);
                double error = StandardProblems.MixedTraining.error(c);
                double macs = StandardProblems.MixedTraining.macs(c);
                trials.add(Trial.completed(i, c, Map.of("error", error, "macs", macs)));
                points.add(new double[] {error, macs / 1e8});
            }
            volume[i] = Hypervolume.of(points, REFERENCE);
        }
        return volume;
    }
}
