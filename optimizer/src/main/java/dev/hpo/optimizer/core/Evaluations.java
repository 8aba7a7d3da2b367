package dev.hpo.api.optimizer.core;

import dev.hpo.space.Configuration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A study's trials grouped by configuration (repeats of one configuration together), each with its mean
 * metrics, spread and {@link Standing}. Also what the service reports as the best configuration and the
 * Pareto front.
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
     * Groups observations by configuration, in order of each configuration's first trial.
     *
     * @throws IllegalArgumentException when an observation's configuration does not belong to the space
     */
    public static Evaluations of(SearchProblem problem, List<Observation> observations) {
        UnitCube cube = new UnitCube(problem.space());
        TriedConfigurations tried = new TriedConfigurations(cube);
        List<List<Observation>> groups = new ArrayList<>();
        List<double[]> units = new ArrayList<>();
        List<Observation> ordered = new ArrayList<>(observations);
        ordered.sort(Comparator.comparingLong(Observation::number));
        for (Observation o : ordered) {
            double[] unit = cube.encode(o.configuration());
            int index = tried.indexOf(unit);
            if (index < 0) {
                index = tried.add(unit);
                groups.add(new ArrayList<>());
                units.add(unit);
            }
            groups.get(index).add(o);
        }
        List<EvaluatedConfiguration> configurations = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            configurations.add(summarise(problem, units.get(i), groups.get(i)));
        }
        return new Evaluations(problem, cube, List.copyOf(configurations));
    }

    private static EvaluatedConfiguration summarise(SearchProblem problem, double[] unit, List<Observation> trials) {
        Outcome outcome = Outcome.FAILED;
        for (Outcome candidate : List.of(Outcome.COMPLETE, Outcome.PRUNED, Outcome.PENDING)) {
            if (trials.stream().anyMatch(t -> t.outcome() == candidate)) {
                outcome = candidate;
                break;
            }
        }
        Configuration configuration = problem.space().canonical(trials.get(0).configuration());
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (Observation t : trials) {
            if (t.outcome() == outcome && (outcome == Outcome.COMPLETE || outcome == Outcome.PRUNED)) {
                t.metrics().forEach((name, v) -> {
                    if (v != null && Double.isFinite(v)) {
                        values.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
                    }
                });
            }
        }
        Map<String, MetricSummary> metrics = new HashMap<>();
        values.forEach((name, list) -> metrics.put(name, MetricSummary.of(list)));
        problem.known().of(configuration).forEach((name, v) -> metrics.put(name, new MetricSummary(v, 0, 1)));
        List<Long> numbers = trials.stream().map(Observation::number).toList();
        boolean enqueued = trials.stream().anyMatch(Observation::enqueued);
        return new EvaluatedConfiguration(configuration, unit, outcome, metrics, numbers, enqueued,
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

    /** Total normalised violation; a constrained metric nobody reported counts as a violation of 1. */
    public static double violation(SearchProblem problem, Map<String, MetricSummary> metrics) {
        double total = 0;
        for (OutcomeConstraint c : problem.constraints()) {
            MetricSummary s = metrics.get(c.metric());
            total += s == null ? 1 : c.violation(s.mean());
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
