package dev.hpo.optimizer.core;

import dev.hpo.space.SearchSpace;
import dev.hpo.study.Constraint;
import dev.hpo.study.Objective;
import java.util.List;
import java.util.Objects;

/**
 * What a search algorithm optimises, free of any study or service type: a search space, objectives,
 * constraints on outcomes and the metrics known before training.
 *
 * @param space the search space; algorithms work in its unit cube
 * @param objectives at least one; single-objective algorithms use the first
 * @param constraints bounds a feasible configuration respects, all numeric: a baseline bound is resolved first
 * @param known metrics computed from a configuration before training (MACs, parameters)
 * @param populationSize how many of the best configurations breed, and the size of the initial design
 * @param seed seed of every random choice
 * @throws IllegalArgumentException when there is no objective, a constraint still waits for its baseline, or
 *         the population is smaller than 2
 */
public record SearchProblem(SearchSpace space, List<Objective> objectives, List<Constraint> constraints,
                            KnownMetrics known, int populationSize, long seed) {

    public SearchProblem {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(known, "known");
        objectives = List.copyOf(objectives);
        constraints = List.copyOf(constraints);
        if (objectives.isEmpty()) {
            throw new IllegalArgumentException("a search problem needs at least one objective");
        }
        for (Constraint c : constraints) {
            if (c.needsBaseline()) {
                throw new IllegalArgumentException(c.metric() + ": a baseline bound must be resolved to a number "
                        + "before a search problem holds it");
            }
        }
        if (populationSize < 2) {
            throw new IllegalArgumentException("populationSize must be at least 2, got " + populationSize);
        }
    }

    public static SearchProblem of(SearchSpace space, Objective objective, long seed) {
        return new SearchProblem(space, List.of(objective), List.of(), KnownMetrics.none(), 10, seed);
    }

    public SearchProblem withConstraints(List<Constraint> constraints, KnownMetrics known) {
        return new SearchProblem(space, objectives, constraints, known, populationSize, seed);
    }

    public SearchProblem withPopulationSize(int populationSize) {
        return new SearchProblem(space, objectives, constraints, known, populationSize, seed);
    }

    public SearchProblem withObjectives(List<Objective> objectives) {
        return new SearchProblem(space, objectives, constraints, known, populationSize, seed);
    }

    public Objective objective() {
        return objectives.get(0);
    }
}
