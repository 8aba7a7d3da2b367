package dev.hpo.study;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Settles which metric an early-stopping rule compares and which way is better. A rule compares trials on what the
 * study optimises or constrains, so its metric must be one an objective or constraint names; left out, it is the
 * first objective whose metric trials measure while they train (with the built-in trainer {@code macs} and
 * {@code params} are known before training and never change while a trial runs), else the first such constraint.
 * The goal is that objective's; for a metric only a constraint names, the way into the bound (up for a lower
 * bound, down for an upper one), and it must be given when the constraint bounds both sides.
 *
 * <p>With two objectives a rule ranks trials on both, so its metric must name one of them.
 */
final class StoppingMetric {

    private static final String PATH = "algorithm.earlyStopping";

    private StoppingMetric() {
    }

    /** The rule with its metric and goal settled, or empty when a problem was reported. */
    static Optional<EarlyStopping> resolve(AlgorithmParser.StoppingOptions options, List<Objective> objectives,
                                           List<Constraint> constraints, boolean builtInTrainer, Problems problems) {
        if (options.rule() == StoppingRule.NONE) {
            return Optional.of(EarlyStopping.none());
        }
        Predicate<String> measuredWhileTraining = m -> !builtInTrainer
                || TrainerVocabularyCheck.INTERMEDIATE_METRICS.contains(m);
        boolean twoObjectives = objectives.size() == 2;
        List<String> objectiveMetrics = objectives.stream().map(Objective::metric).toList();
        List<String> constraintMetrics = constraints.stream().map(Constraint::metric).toList();
        String metric;
        if (options.metric().isPresent()) {
            metric = options.metric().get();
            if (twoObjectives && !objectiveMetrics.contains(metric)) {
                problems.add(PATH + ".metric", "with two objectives trials are compared on both, by Pareto rank; "
                        + "name one of them (" + String.join(", ", objectiveMetrics) + ") or leave metric out, not \""
                        + metric + "\"");
                return Optional.empty();
            }
            if (!objectiveMetrics.contains(metric) && !constraintMetrics.contains(metric)) {
                problems.add(PATH + ".metric", "\"" + metric + "\" is named by no objective or constraint; early "
                        + "stopping compares trials on what the study optimises or constrains: "
                        + String.join(", ", named(objectiveMetrics, constraintMetrics)));
                return Optional.empty();
            }
            if (!measuredWhileTraining.test(metric)) {
                problems.add(PATH + ".metric", "the built-in trainer reports only "
                        + String.join(", ", TrainerVocabularyCheck.INTERMEDIATE_METRICS) + " while a trial runs, not \""
                        + metric + "\"");
                return Optional.empty();
            }
        } else {
            Optional<String> first = objectiveMetrics.stream().filter(measuredWhileTraining).findFirst()
                    .or(() -> twoObjectives ? Optional.empty()
                            : constraintMetrics.stream().filter(measuredWhileTraining).findFirst());
            if (first.isEmpty()) {
                problems.add(PATH + ".metric", "is required: no " + (twoObjectives ? "objective" : "objective or "
                        + "constraint") + " names a metric trials report while they train (the built-in trainer "
                        + "reports " + String.join(", ", TrainerVocabularyCheck.INTERMEDIATE_METRICS) + "), so early "
                        + "stopping has nothing to compare");
                return Optional.empty();
            }
            metric = first.get();
        }
        return goal(metric, options.goal(), objectives, constraints, problems).map(g -> options.with(metric, g));
    }

    private static Optional<Goal> goal(String metric, Optional<Goal> given, List<Objective> objectives,
                                       List<Constraint> constraints, Problems problems) {
        Optional<Objective> objective = objectives.stream().filter(o -> o.metric().equals(metric)).findFirst();
        if (objective.isPresent()) {
            Goal own = objective.get().goal();
            if (given.isPresent() && given.get() != own) {
                problems.add(PATH + ".goal", "must be " + own + ", the goal of the objective on " + metric + ", got "
                        + given.get());
                return Optional.empty();
            }
            return Optional.of(own);
        }
        if (given.isPresent()) {
            return given;
        }
        Constraint constraint = constraints.stream().filter(c -> c.metric().equals(metric)).findFirst().orElseThrow();
        boolean lower = constraint.min().isPresent() || constraint.baseline() == Constraint.Baseline.MIN;
        boolean upper = constraint.max().isPresent() || constraint.baseline() == Constraint.Baseline.MAX;
        if (lower != upper) {
            return Optional.of(lower ? Goal.MAXIMIZE : Goal.MINIMIZE);
        }
        problems.add(PATH + ".goal", "is required: the constraint on " + metric + " bounds it from both sides, "
                + "which does not say whether higher or lower is better");
        return Optional.empty();
    }

    private static List<String> named(List<String> objectiveMetrics, List<String> constraintMetrics) {
        return java.util.stream.Stream.concat(objectiveMetrics.stream(), constraintMetrics.stream()).distinct()
                .toList();
    }
}
