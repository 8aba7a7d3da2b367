package dev.hpo.optimizer.core;

import dev.hpo.space.Configuration;
import dev.hpo.trial.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Uniform random points of the unit cube (log-uniform for log-scale parameters), untried and not known to break
 * a constraint. The reference every other algorithm must beat.
 */
public final class RandomSearch implements SearchAlgorithm {

    @Override
    public List<Configuration> propose(SearchProblem problem, List<Trial> trials, int count) {
        // Only the taken configurations matter here, so the results are not summarised.
        UnitCube cube = new UnitCube(problem.space());
        TriedConfigurations tried = TriedConfigurations.of(cube, trials);
        SplittableRandom random = new SplittableRandom(problem.seed() * 0x9E3779B97F4A7C15L + trials.size());
        List<Configuration> proposals = new ArrayList<>();
        while (proposals.size() < count) {
            Optional<double[]> next = Feasibility.randomPoint(problem, cube, tried, random);
            if (next.isEmpty()) {
                break;
            }
            tried.add(next.get());
            proposals.add(cube.decode(next.get()));
        }
        return proposals;
    }
}
