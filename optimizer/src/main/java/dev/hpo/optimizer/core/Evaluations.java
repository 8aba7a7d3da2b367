package dev.hpo.optimizer.core;

import dev.hpo.space.Configuration;
import dev.hpo.study.Constraint;
import dev.hpo.trial.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A study's trials grouped by configuration (repeats of one configuration together), each with its mean
 * metrics, spread and {@link Standing}: what the algorithms breed and model from, and what
 * the study ranking the service reports is built on.
 */
public final class Evaluations {

    private final SearchProblem problem;
    private final UnitCube cube;
    private final List<EvaluatedConfiguration> configurations;

    private Evaluations(SearchProblem problem, UnitCube cube, List<EvaluatedConfiguration> configurations) {
        this.problem = problem;
        this.cube = cube;
        this.configurations = configurations;
    }

    /**
     * Groups trials by configuration, in order of each configuration's first trial.
     *
     * @throws IllegalArgumentException when a trial's configuration does not belong to the space
     */
    public static Evaluations of(SearchProblem problem, List<Trial> trials) {
        UnitCube cube = new UnitCube(problem.space());
        TriedConfigurations tried = new TriedConfigurations(cube);
        List<List<Trial>> groups = new ArrayList<>();
        List<double[]> units = new ArrayList<>();
        List<Trial> ordered = new ArrayList<>(trials);
        ordered.sort(Comparator.comparingLong(Trial::number));
        for (Trial t : ordered) {
            double[] unit = cube.encode(t.parameters());
            int index = tried.indexOf(unit);
            if (index < 0) {
                index = tried.add(unit);
                groups.add(new ArrayList<>());
                units.add(unit);
            }
            groups.get(index).add(t);
        }
        List<EvaluatedConfiguration> configurations = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            configurations.add(summarise(problem, units.get(i), groups.get(i)));
        }
        return new Evaluations(problem, cube, List.copyOf(configurations));
    }

    private static EvaluatedConfiguration summarise(SearchProblem problem, double[] unit, List<Trial> trials) {
        Outcome outcome = Outcome.FAILED;
        for (Outcome candidate : List.of(Outcome.COMPLETE, Outcome.PRUNED, Outcome.PENDING)) {
            if (trials.stream().anyMatch(t -> Outcome.of(t.state()) == candidate)) {
                outcome = candidate;
                break;
            }
        }
        Configuration configuration = problem.space().canonical(trials.get(0).parameters());
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (Trial t : trials) {
            if (Outcome.of(t.state()) == outcome && (outcome == Outcome.COMPLETE || outcome == Outcome.PRUNED)) {
                t.result().forEach((name, v) -> {
                    if (v != null && Double.isFinite(v)) {
                        values.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
                    }
                });
            }
        }
        Map<String, MetricSummary> metrics = new HashMap<>();
        values.forEach((name, list) -> metrics.put(name, MetricSummary.of(list)));
        problem.known().of(configuration).forEach((name, v) -> metrics.put(name, new MetricSummary(v, 0, 1)));
        return new EvaluatedConfiguration(configuration, unit, outcome, metrics, trials,
                standing(problem, outcome, metrics));
    }

    static Standing standing(SearchProblem problem, Outcome outcome, Map<String, MetricSummary> metrics) {
        MetricSummary objective = metrics.get(problem.objective().metric());
        if (!(outcome == Outcome.COMPLETE || outcome == Outcome.PRUNED) || objective == null) {
            return Standing.unranked();
        }
        double violation = violation(problem, metrics);
        double loss = problem.objective().loss(objective.mean());
        if (violation > 0) {
            return new Standing(Standing.INFEASIBLE, violation, loss);
        }
        return new Standing(outcome == Outcome.COMPLETE ? Standing.COMPLETE_FEASIBLE : Standing.PRUNED_FEASIBLE,
                0, loss);
    }

    /**
     * Total relative violation ({@link Constraint#relativeViolation}); a constrained metric nobody reported counts
     * as a violation of 1.
     */
    public static double violation(SearchProblem problem, Map<String, MetricSummary> metrics) {
        double total = 0;
        for (Constraint c : problem.constraints()) {
            MetricSummary s = metrics.get(c.metric());
            total += s == null ? 1 : c.relativeViolation(s.mean());
        }
        return total;
    }

    public SearchProblem problem() {
        return problem;
    }

    public UnitCube cube() {
        return cube;
    }

    /** Every configuration, in order of its first trial. */
    public List<EvaluatedConfiguration> all() {
        return configurations;
    }

    /** Configurations with a result (completed or pruned), in order of their first trial. */
    public List<EvaluatedConfiguration> finished() {
        return configurations.stream().filter(EvaluatedConfiguration::finished).toList();
    }

    /** Configurations that are waiting or running. */
    public List<EvaluatedConfiguration> pending() {
        return configurations.stream().filter(c -> c.outcome() == Outcome.PENDING).toList();
    }

    /** Ranked configurations, best first (ties by first trial, so the order is deterministic). */
    public List<EvaluatedConfiguration> ranked() {
        return configurations.stream().filter(c -> c.standing().ranked())
                .sorted(Comparator.comparing(EvaluatedConfiguration::standing).reversed()
                        .thenComparingLong(EvaluatedConfiguration::firstTrial))
                .toList();
    }

    /** The best feasible completed configuration, if any: the constraint-aware single-objective answer. */
    public Optional<EvaluatedConfiguration> best() {
        return ranked().stream().filter(c -> c.standing().tier() == Standing.COMPLETE_FEASIBLE).findFirst();
    }

    /** A fresh set of the configurations already taken, to which a round of proposals adds its own. */
    public TriedConfigurations tried() {
        TriedConfigurations copy = new TriedConfigurations(cube);
        configurations.forEach(c -> copy.add(c.unit()));
        return copy;
    }
}
