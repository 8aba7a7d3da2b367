package dev.hpo.study;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads a spec's {@code algorithm} object, including its early-stopping rule and that rule's options. Which
 * metric the rule compares, and which way, depends on the objectives, constraints and trainer, so it is settled
 * afterwards by {@link StoppingMetric}.
 */
final class AlgorithmParser {

    /** The algorithm as read, its early-stopping metric not yet settled. */
    record Draft(Algorithm name, int populationSize, StoppingOptions stopping) {

        AlgorithmSettings with(EarlyStopping earlyStopping) {
            return new AlgorithmSettings(name, populationSize, earlyStopping);
        }
    }

    /** An early-stopping rule's options as written; metric and goal only where given. */
    record StoppingOptions(StoppingRule rule, Optional<String> metric, Optional<Goal> goal, double minFraction,
                           int reductionFactor, int minTrials) {

        static StoppingOptions none() {
            EarlyStopping none = EarlyStopping.none();
            return new StoppingOptions(StoppingRule.NONE, Optional.empty(), Optional.empty(), none.minFraction(),
                    none.reductionFactor(), none.minTrials());
        }

        EarlyStopping with(String metric, Goal goal) {
            return rule == StoppingRule.NONE ? EarlyStopping.none()
                    : new EarlyStopping(rule, metric, goal, minFraction, reductionFactor, minTrials);
        }
    }

    private AlgorithmParser() {
    }

    static Optional<Draft> parse(SpecObject a) {
        Problems problems = a.problems();
        int before = problems.count();
        Optional<Algorithm> name = a.string("name", false).flatMap(n -> {
            try {
                return Optional.of(Algorithm.valueOf(n.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(a.path("name"), "must be one of EVOLUTION, NSGA2, RANDOM, GRID, got \"" + n + "\"");
                return Optional.empty();
            }
        });
        OptionalLong population = a.integer("populationSize", false, 2, AlgorithmSettings.MAX_POPULATION_SIZE);
        Optional<StoppingOptions> stopping = a.has("earlyStopping") ? earlyStopping(a)
                : Optional.of(StoppingOptions.none());
        if (problems.count() > before || stopping.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Draft(name.orElse(Algorithm.EVOLUTION),
                (int) population.orElse(AlgorithmSettings.DEFAULT_POPULATION_SIZE), stopping.get()));
    }

    private static Optional<StoppingOptions> earlyStopping(SpecObject a) {
        Problems problems = a.problems();
        Optional<StoppingRule> rule = a.get("earlyStopping").filter(n -> n.isObject())
                .flatMap(n -> Optional.ofNullable(n.get("rule"))).filter(r -> r.isTextual())
                .flatMap(r -> rule(r.textValue()));
        List<String> fields = rule.map(AlgorithmParser::fieldsOf)
                .orElse(List.of("rule", "metric", "goal", "minFraction", "reductionFactor", "minTrials"));
        return a.object("earlyStopping", false, fields).flatMap(e -> {
            int before = problems.count();
            Optional<String> ruleText = e.string("rule", true);
            if (ruleText.isPresent() && rule.isEmpty()) {
                problems.add(e.path("rule"), "must be one of NONE, MEDIAN, ASHA, got \"" + ruleText.get() + "\"");
            }
            Optional<String> metric = e.string("metric", false);
            metric.filter(m -> !StudySpecParser.METRIC.matcher(m).matches())
                    .ifPresent(m -> problems.add(e.path("metric"), "must be a metric name, got \"" + m + "\""));
            Optional<Goal> goal = e.string("goal", false)
                    .flatMap(g -> StudySpecParser.goal(g, e.path("goal"), problems));
            OptionalLong factor = e.integer("reductionFactor", false, 2, 100);
            OptionalLong minTrials = e.integer("minTrials", false, 1, 100_000);
            OptionalDouble minFraction = e.number("minFraction", false);
            if (minFraction.isPresent() && !(minFraction.getAsDouble() > 0 && minFraction.getAsDouble() < 1)) {
                problems.add(e.path("minFraction"), "must be a share of the fidelity budget in (0, 1), got "
                        + minFraction.getAsDouble());
            }
            if (problems.count() > before || rule.isEmpty()) {
                return Optional.<StoppingOptions>empty();
            }
            if (rule.get() == StoppingRule.NONE) {
                return Optional.of(StoppingOptions.none());
            }
            int reduction = (int) factor.orElse(EarlyStopping.DEFAULT_REDUCTION_FACTOR);
            double fraction = minFraction.orElse(rule.get() == StoppingRule.ASHA
                    ? EarlyStopping.defaultAshaMinFraction(reduction) : EarlyStopping.DEFAULT_MEDIAN_MIN_FRACTION);
            return Optional.of(new StoppingOptions(rule.get(), metric, goal, fraction, reduction,
                    (int) minTrials.orElse(EarlyStopping.DEFAULT_MIN_TRIALS)));
        });
    }

    private static Optional<StoppingRule> rule(String text) {
        try {
            return Optional.of(StoppingRule.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Each rule takes only its own options, so a misplaced one is reported rather than ignored. */
    private static List<String> fieldsOf(StoppingRule rule) {
        return switch (rule) {
            case NONE -> List.of("rule");
            case MEDIAN -> List.of("rule", "metric", "goal", "minFraction", "minTrials");
            case ASHA -> List.of("rule", "metric", "goal", "minFraction", "reductionFactor");
        };
    }
}
