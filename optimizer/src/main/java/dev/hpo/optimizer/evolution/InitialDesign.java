package dev.hpo.optimizer.evolution;

import dev.hpo.optimizer.core.Feasibility;
import dev.hpo.optimizer.core.SearchProblem;
import dev.hpo.optimizer.core.TriedConfigurations;
import dev.hpo.optimizer.core.UnitCube;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The first {@code populationSize} proposals of the evolutionary algorithms: a maximin Latin hypercube drawn
 * from the study seed alone, so every call (and every restart) sees the same design and takes its first point
 * not yet tried.
 */
public final class InitialDesign {

    private InitialDesign() {
    }

    /**
     * The design's first point that is untried and not known to break a constraint; a random admissible point
     * when the design has none left; empty when the space has none at all.
     */
    public static Optional<double[]> next(SearchProblem problem, UnitCube cube, TriedConfigurations tried) {
        RandomGenerator random = new SplittableRandom(problem.seed());
        double[][] design = LatinHypercube.design(problem.populationSize(), cube.dimensions(), random);
        for (double[] point : design) {
            double[] canonical = cube.canonical(point);
            if (Feasibility.admissible(problem, cube, tried, canonical)) {
                return Optional.of(canonical);
            }
        }
        return Feasibility.randomPoint(problem, cube, tried, random);
    }
}
