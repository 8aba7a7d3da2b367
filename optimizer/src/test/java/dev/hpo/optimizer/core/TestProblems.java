package dev.hpo.optimizer.core;

import dev.hpo.space.CategoricalParameter;
import dev.hpo.space.Configuration;
import dev.hpo.space.FloatParameter;
import dev.hpo.space.IntParameter;
import dev.hpo.space.SearchSpace;
import dev.hpo.trial.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Small problems and a loop that runs an algorithm on them, shared by the algorithms' tests. */
public final class TestProblems {

    private TestProblems() {
    }

    /** A mixed space: a log-scale float, a linear float, an integer and a categorical. */
    public static SearchSpace mixedSpace() {
        return SearchSpace.of(FloatParameter.log("learningRate", 1e-4, 1), FloatParameter.linear("width", 0.25, 1),
                IntParameter.linear("blocks", 1, 4), CategoricalParameter.of("optimizer", "sgd", "adam"));
    }

    public static double number(Configuration c, String name) {
        return ((Number) c.values().get(name)).doubleValue();
    }

    /** A smooth loss with its minimum inside the mixed space. */
    public static double loss(Configuration c) {
        double lr = Math.log10(number(c, "learningRate")) + 2;
        double w = number(c, "width") - 0.6;
        double b = number(c, "blocks") - 3;
        return lr * lr + 4 * w * w + 0.1 * b * b + (c.values().get("optimizer").equals("adam") ? 0.05 : 0);
    }

    /** Known MACs growing with width and blocks. */
    public static final KnownMetrics MACS = new KnownMetrics() {
        @Override
        public Set<String> names() {
            return Set.of("macs");
        }

        @Override
        public Map<String, Double> of(Configuration c) {
            return Map.of("macs", 100 * number(c, "width") * number(c, "width") * number(c, "blocks"));
        }
    };

    /** Runs {@code evaluations} sequential trials, as one worker would, and returns them. */
    public static List<Trial> run(SearchAlgorithm algorithm, SearchProblem problem, int evaluations,
                                        Function<Configuration, Map<String, Double>> evaluate) {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < evaluations; i++) {
            List<Configuration> next = algorithm.propose(problem, trials, 1);
            if (next.isEmpty()) {
                break;
            }
            trials.add(Trial.completed(trials.size(), next.get(0), evaluate.apply(next.get(0))));
        }
        return trials;
    }
}
