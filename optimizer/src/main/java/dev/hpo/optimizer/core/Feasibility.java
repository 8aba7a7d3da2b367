package dev.hpo.optimizer.core;

import dev.hpo.space.Configuration;
import dev.hpo.study.Constraint;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Proposal-time checks: constraints on metrics known before training are decided here, so no trial is spent on
 * a configuration known to break them.
 */
public final class Feasibility {

    /** How many random points {@link #randomPoint} tries before giving up. */
    public static final int RANDOM_TRIES = 20_000;

    private Feasibility() {
    }

    /** True when no constraint on a known metric is broken by the configuration. */
    public static boolean knownFeasible(SearchProblem problem, Configuration configuration) {
        if (problem.constraints().stream().noneMatch(c -> problem.known().names().contains(c.metric()))) {
            return true;
        }
        Map<String, Double> known = problem.known().of(configuration);
        for (Constraint c : problem.constraints()) {
            Double value = known.get(c.metric());
            if (value != null && !c.satisfiedBy(value)) {
                return false;
            }
        }
        return true;
    }

    /** True when the canonical point is untried and not known to break a constraint. */
    public static boolean admissible(SearchProblem problem, UnitCube cube, TriedConfigurations tried, double[] canonical) {
        return !tried.contains(canonical) && knownFeasible(problem, cube.decode(canonical));
    }

    /** A uniformly random admissible canonical point, or empty when none turned up. */
    public static Optional<double[]> randomPoint(SearchProblem problem, UnitCube cube, TriedConfigurations tried,
                                                 RandomGenerator random) {
        for (int attempt = 0; attempt < RANDOM_TRIES; attempt++) {
            double[] u = new double[cube.dimensions()];
            for (int i = 0; i < u.length; i++) {
                u[i] = random.nextDouble();
            }
            double[] canonical = cube.canonical(u);
            if (admissible(problem, cube, tried, canonical)) {
                return Optional.of(canonical);
            }
        }
        return Optional.empty();
    }
}
