package dev.hpo.bench.optimizer;

import dev.hpo.optimizer.core.KnownMetrics;
import dev.hpo.optimizer.core.SearchProblem;
import dev.hpo.space.CategoricalParameter;
import dev.hpo.space.Configuration;
import dev.hpo.space.FloatParameter;
import dev.hpo.space.IntParameter;
import dev.hpo.space.SearchSpace;
import dev.hpo.study.Constraint;
import dev.hpo.study.Objective;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The benchmark's test functions. */
final class StandardProblems {

    /** Population size the optimizer is given on every problem, as a study would by default. */
    static final int POPULATION = 10;

    private StandardProblems() {
    }

    static double number(Configuration c, String name) {
        return ((Number) c.values().get(name)).doubleValue();
    }

    /** Branin-Hoo on [-5, 10] x [0, 15]; minimum 0.397887 at three points. */
    static BenchProblem branin() {
        SearchSpace space = SearchSpace.of(FloatParameter.linear("x1", -5, 10), FloatParameter.linear("x2", 0, 15));
        return new Simple("branin", space, 0.397887, c -> {
            double x1 = number(c, "x1");
            double x2 = number(c, "x2");
            double b = 5.1 / (4 * Math.PI * Math.PI);
            double t = x2 - b * x1 * x1 + 5 / Math.PI * x1 - 6;
            return t * t + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10;
        });
    }

    /** Hartmann-6 on [0, 1]^6; minimum -3.32237. */
    static BenchProblem hartmann6() {
        FloatParameter[] parameters = new FloatParameter[6];
        for (int i = 0; i < 6; i++) {
            parameters[i] = FloatParameter.linear("x" + (i + 1), 0, 1);
        }
        double[] alpha = {1.0, 1.2, 3.0, 3.2};
        double[][] a = {{10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8},
            {17, 8, 0.05, 10, 0.1, 14}};
        double[][] p = {{0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
            {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};
        return new Simple("hartmann6", SearchSpace.of(parameters), -3.32237, c -> {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                double inner = 0;
                for (int j = 0; j < 6; j++) {
                    double d = number(c, "x" + (j + 1)) - p[i][j];
                    inner += a[i][j] * d * d;
                }
                sum += alpha[i] * Math.exp(-inner);
            }
            return -sum;
        });
    }

    /**
     * A training-like problem: log-scale learning rate and weight decay whose best values depend on the
     * optimizer (categorical) and batch size (log-scale integer), and a network width and depth that lower the
     * error but raise MACs, which must stay at most 4e7 (known before training, like the cost model's MACs).
     * Minimise the validation error.
     */
    static BenchProblem mixed() {
        SearchSpace space = MixedTraining.space();
        return new BenchProblem() {
            @Override
            public String name() {
                return "mixed-constrained";
            }

            @Override
            public SearchProblem problem(long seed) {
                return new SearchProblem(space, List.of(Objective.minimize("error")),
                        List.of(Constraint.atMost("macs", MixedTraining.MAX_MACS)), MixedTraining.KNOWN,
                        POPULATION, seed);
            }

            @Override
            public Map<String, Double> evaluate(Configuration configuration) {
                return Map.of("error", MixedTraining.error(configuration),
                        "macs", MixedTraining.macs(configuration));
            }

            @Override
            public double optimum() {
                return MixedTraining.OPTIMUM;
            }
        };
    }

    private record Simple(String name, SearchSpace space, double optimum,
                          java.util.function.ToDoubleFunction<Configuration> f) implements BenchProblem {

        @Override
        public SearchProblem problem(long seed) {
            return SearchProblem.of(space, Objective.minimize("value"), seed).withPopulationSize(POPULATION);
        }

        @Override
        public Map<String, Double> evaluate(Configuration configuration) {
            return Map.of("value", f.applyAsDouble(configuration));
        }
    }

    /** The mixed problem's formulas. */
    static final class MixedTraining {

        static final double MAX_MACS = 4e7;
        /** Reached at learning rate 0.1 with SGD, batch 64, width sqrt(0.4), depth 1, weight decay 10^-3.3. */
        static final double OPTIMUM = error(Configuration.of(Map.of("learningRate", Math.pow(10, -1 + Math.log10(0.5)),
                "weightDecay", Math.pow(10, -3.3), "optimizer", "sgd", "batchSize", 64L, "width", Math.sqrt(0.4),
                "depth", 1.0)));

        static final KnownMetrics KNOWN = new KnownMetrics() {
            @Override
            public Set<String> names() {
                return Set.of("macs");
            }

            @Override
            public Map<String, Double> of(Configuration configuration) {
                return Map.of("macs", macs(configuration));
            }
        };

        private MixedTraining() {
        }

        static SearchSpace space() {
            return SearchSpace.of(
                    FloatParameter.log("learningRate", 1e-4, 1),
                    FloatParameter.log("weightDecay", 1e-6, 1e-2),
                    CategoricalParameter.of("optimizer", "sgd", "adam", "adamw"),
                    IntParameter.log("batchSize", 16, 512),
                    FloatParameter.linear("width", 0.25, 1.0),
                    CategoricalParameter.of("depth", 0.5, 0.75, 1.0));
        }

        static double macs(Configuration c) {
            double width = number(c, "width");
            return 1e8 * width * width * number(c, "depth");
        }

        static double error(Configuration c) {
            String optimizer = (String) c.values().get("optimizer");
            double batchLog = Math.log10(number(c, "batchSize") / 128);
            double bestLr;
            double bestWd;
            double offset;
            switch (optimizer) {
                case "sgd" -> {
                    bestLr = -1 + batchLog;
                    bestWd = -3.3;
                    offset = 0;
                }
                case "adam" -> {
                    bestLr = -3 + 0.5 * batchLog;
                    bestWd = -5;
                    offset = 0.012;
                }
                default -> {
                    bestLr = -2.7 + 0.5 * batchLog;
                    bestWd = -2.5;
                    offset = 0.004;
                }
            }
            double lr = Math.log10(number(c, "learningRate")) - bestLr;
            double wd = Math.log10(number(c, "weightDecay")) - bestWd;
            double lrTerm = 0.45 * (1 - Math.exp(-lr * lr / (2 * 0.5 * 0.5)));
            double wdTerm = 0.05 * (1 - Math.exp(-wd * wd / (2 * 0.8 * 0.8)));
            double width = number(c, "width");
            double capacity = 0.15 / (1 + 6 * width * width * number(c, "depth"));
            double batch = Math.log(number(c, "batchSize") / 64) / Math.log(2);
            double batchTerm = 0.001 * batch * batch;
            return 0.05 + lrTerm + wdTerm + offset + capacity + batchTerm;
        }
    }
}
