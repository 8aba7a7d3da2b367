package dev.hpo.bench.optimizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.bench.Benchmark;
import dev.hpo.optimizer.core.RandomSearch;
import dev.hpo.optimizer.core.SearchAlgorithm;
import dev.hpo.optimizer.evolution.EvolutionSearch;
import dev.hpo.optimizer.grid.GridSearch;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code hpo bench optimizer}: every single-objective algorithm on every standard problem over several seeds,
 * printing the median best feasible value after 25, 50 and 100 evaluations (or the checkpoints that fit in
 * {@code --evaluations}), NSGA-II against random search on a two-objective problem by hypervolume, and NSGA-II with
 * and without early stopping on that problem trained step by step, by hypervolume at equal cost in steps.
 */
public final class OptimizerBenchCommand implements Benchmark {

    @Override
    public String name() {
        return "optimizer";
    }

    @Override
    public String description() {
        return "every algorithm on standard problems [--evaluations 100 --seeds 10 --problems a,b];"
                + " --suite lcbench: with a fidelity, over REST";
    }

    @Override
    public int run(List<String> args) {
        return run(args.toArray(String[]::new), System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--suite")) {
            return LcBenchSuite.command(List.of(args), out, err);
        }
        int evaluations = 100;
        int seeds = 10;
        List<String> problemNames = List.of("branin", "hartmann6", "mixed-constrained", "two-objective",
                "two-objective-early-stopping");
        List<String> algorithmNames = List.of("EVOLUTION", "RANDOM", "GRID", "TPE", "NSGA2");
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--help") || option.equals("-h")) {
                    out.println("usage: hpo bench optimizer [--evaluations N] [--seeds N] [--problems a,b]"
                            + " [--algorithms A,B]");
                    out.println("problems: " + String.join(", ", problemNames));
                    out.println("algorithms: " + String.join(", ", algorithmNames));
                    out.println(LcBenchSettings.USAGE);
                    return 0;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--evaluations" -> evaluations = positive(option, value);
                    case "--seeds" -> seeds = positive(option, value);
                    case "--problems" -> problemNames = List.of(value.split(","));
                    case "--algorithms" -> algorithmNames = List.of(value.toUpperCase().split(","));
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("hpo bench optimizer: " + e.getMessage());
            return 2;
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode report = json.createObjectNode();
        report.put("evaluations", evaluations);
        report.put("seeds", seeds);
        ArrayNode results = report.putArray("problems");
        List<Integer> checkpoints = checkpoints(evaluations);
        for (String name : problemNames) {
            if (name.equals("two-objective")) {
                results.add(MultiObjectiveBench.run(json, algorithmNames, seeds, evaluations, checkpoints));
                continue;
            }
            if (name.equals("two-objective-early-stopping")) {
                // Budgets in full runs' worth of steps: the evaluations a study without early stopping makes.
                results.add(EarlyStoppingBench.run(json, seeds, evaluations, checkpoints));
                continue;
            }
            BenchProblem problem = switch (name) {
                case "branin" -> StandardProblems.branin();
                case "hartmann6" -> StandardProblems.hartmann6();
                case "mixed-constrained" -> StandardProblems.mixed();
                default -> null;
            };
            if (problem == null) {
                err.println("hpo bench optimizer: unknown problem '" + name + "'");
                return 2;
            }
            results.add(singleObjective(json, problem, algorithms(algorithmNames, problem), seeds, evaluations,
                    checkpoints));
        }
        try {
            out.println(json.writeValueAsString(report));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return 0;
    }

    private static Map<String, SearchAlgorithm> algorithms(List<String> names, BenchProblem problem) {
        Map<String, SearchAlgorithm> algorithms = new LinkedHashMap<>();
        for (String name : names) {
            switch (name) {
                case "EVOLUTION" -> algorithms.put(name, new EvolutionSearch());
                case "RANDOM" -> algorithms.put(name, new RandomSearch());
                // Ten levels per float make Branin's grid 100 points; beyond two dimensions a grid of floats
                // visits a corner of the space within 100 trials and says nothing.
                case "GRID" -> {
                    if (!problem.name().equals("hartmann6")) {
                        algorithms.put(name, new GridSearch(problem.name().equals("branin") ? 10 : 3));
                    }
                }
                case "TPE" -> algorithms.put(name, new TreeParzenEstimator(0.25, 10, false));
                case "TPE-HYPEROPT" -> algorithms.put(name, new TreeParzenEstimator(0.25, 20, true));
                default -> {
                }
            }
        }
        return algorithms;
    }

    private static ObjectNode singleObjective(ObjectMapper json, BenchProblem problem,
                                              Map<String, SearchAlgorithm> algorithms, int seeds, int evaluations,
                                              List<Integer> checkpoints) {
        ObjectNode node = json.createObjectNode();
        node.put("problem", problem.name());
        node.put("goal", "minimize");
        node.put("optimum", problem.optimum());
        ObjectNode medians = node.putObject("medianBest");
        ObjectNode seconds = node.putObject("secondsPerRun");
        for (Map.Entry<String, SearchAlgorithm> entry : algorithms.entrySet()) {
            double[][] best = new double[checkpoints.size()][seeds];
            double totalSeconds = 0;
            for (int s = 0; s < seeds; s++) {
                OptimizerBenchmark.Trace trace = OptimizerBenchmark.run(entry.getValue(), problem, 1000L + s, evaluations);
                totalSeconds += trace.seconds();
                for (int c = 0; c < checkpoints.size(); c++) {
                    best[c][s] = trace.best()[checkpoints.get(c) - 1];
                }
            }
            ObjectNode perBudget = medians.putObject(entry.getKey());
            for (int c = 0; c < checkpoints.size(); c++) {
                perBudget.put(String.valueOf(checkpoints.get(c)), round(OptimizerBenchmark.median(best[c])));
            }
            seconds.put(entry.getKey(), round(totalSeconds / seeds));
        }
        return node;
    }

    static List<Integer> checkpoints(int evaluations) {
        List<Integer> checkpoints = new ArrayList<>();
        for (int c : new int[] {25, 50, 100, 200}) {
            if (c <= evaluations) {
                checkpoints.add(c);
            }
        }
        if (checkpoints.isEmpty() || checkpoints.get(checkpoints.size() - 1) != evaluations) {
            checkpoints.add(evaluations);
        }
        return checkpoints;
    }

    static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 1e5) / 1e5 : value;
    }

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a positive integer, got '" + value + "'");
        }
    }
}
