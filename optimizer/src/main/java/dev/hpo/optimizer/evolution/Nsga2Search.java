package dev.hpo.optimizer.evolution;

import dev.hpo.optimizer.core.EvaluatedConfiguration;
import dev.hpo.optimizer.core.Evaluations;
import dev.hpo.optimizer.core.Feasibility;
import dev.hpo.optimizer.core.SearchAlgorithm;
import dev.hpo.optimizer.core.SearchProblem;
import dev.hpo.optimizer.core.TriedConfigurations;
import dev.hpo.optimizer.core.UnitCube;
import dev.hpo.optimizer.pareto.ParetoFront;
import dev.hpo.space.Configuration;
import dev.hpo.trial.Trial;
import io.jenetics.DoubleGene;
import io.jenetics.Optimize;
import io.jenetics.Phenotype;
import io.jenetics.ext.moea.NSGA2Selector;
import io.jenetics.ext.moea.UFTournamentSelector;
import io.jenetics.ext.moea.Vec;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * NSGA-II for two objectives, steady-state and asynchronous like {@link EvolutionSearch}.
 *
 * <p>After the same Latin-hypercube start, each proposal keeps the {@code populationSize} survivors Jenetics'
 * {@link NSGA2Selector} picks among the finished configurations (non-dominated sorting, then crowding
 * distance; constraint domination through {@link ParetoFront#fitness}), breeds children from parents chosen
 * by {@link UFTournamentSelector} (rank and crowding in one tournament), and proposes the child whose
 * optimistic predicted objectives add the most hypervolume to the current front ({@link ParetoAcquisition}).
 */
public final class Nsga2Search implements SearchAlgorithm {

    private static final double[] SIGMAS = {0.05, 0.15};
    private static final int CHILDREN_PER_SIGMA = 128;
    private static final int RANDOM_POINTS = 96;

    @Override
    public List<Configuration> propose(SearchProblem problem, List<Trial> trials, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        if (problem.objectives().size() > 2) {
            throw new IllegalArgumentException("NSGA2 here trades off one or two objectives, got "
                    + problem.objectives().size());
        }
        Evaluations evaluations = Evaluations.of(problem, trials);
        RandomGenerator random = new SplittableRandom(problem.seed() * 0x9E3779B97F4A7C15L + trials.size());
        return RandomRegistry.with(random, r -> proposeAll(evaluations, count, r));
    }

    private List<Configuration> proposeAll(Evaluations evaluations, int count, RandomGenerator random) {
        SearchProblem problem = evaluations.problem();
        UnitCube cube = evaluations.cube();
        TriedConfigurations tried = evaluations.tried();
        long proposedBefore = evaluations.all().stream().filter(c -> !c.enqueued()).count();
        List<EvaluatedConfiguration> members = ParetoFront.members(evaluations);
        ParetoAcquisition acquisition = null;
        List<Configuration> proposals = new ArrayList<>();
        while (proposals.size() < count) {
            Optional<double[]> next;
            if (proposedBefore + proposals.size() < problem.populationSize()) {
                next = InitialDesign.next(problem, cube, tried);
            } else if (members.size() < 2) {
                next = Feasibility.randomPoint(problem, cube, tried, random);
            } else {
                if (acquisition == null) {
                    acquisition = ParetoAcquisition.fit(evaluations, members);
                }
                next = bestChild(problem, cube, tried, members, acquisition, random);
            }
            if (next.isEmpty()) {
                break;
            }
            tried.add(next.get());
            proposals.add(cube.decode(next.get()));
            if (acquisition != null) {
                acquisition.believe(List.of(next.get()));
            }
        }
        return proposals;
    }

    private static Optional<double[]> bestChild(SearchProblem problem, UnitCube cube, TriedConfigurations tried,
                                                List<EvaluatedConfiguration> members, ParetoAcquisition acquisition,
                                                RandomGenerator random) {
        List<Vec<double[]>> fitness = ParetoFront.fitness(problem, members);
        ISeq<Phenotype<DoubleGene, Vec<double[]>>> everyone = ISeq.of(java.util.stream.IntStream
                .range(0, members.size())
                .mapToObj(i -> Genomes.phenotype(members.get(i).unit(), fitness.get(i))).toList());
        ISeq<Phenotype<DoubleGene, Vec<double[]>>> survivors = NSGA2Selector.<DoubleGene, double[], Vec<double[]>>ofVec()
                .select(everyone, Math.min(problem.populationSize(), everyone.size()), Optimize.MAXIMUM);
        List<double[]> children = new ArrayList<>();
        for (double sigma : SIGMAS) {
            children.addAll(Genomes.breed(survivors,
                    UFTournamentSelector.<DoubleGene, double[], Vec<double[]>>ofVec(),
                    Genomes.<Vec<double[]>>alterer(cube, sigma), CHILDREN_PER_SIGMA, Optimize.MAXIMUM));
        }
        for (int i = 0; i < RANDOM_POINTS; i++) {
            double[] u = new double[cube.dimensions()];
            for (int j = 0; j < u.length; j++) {
                u[j] = random.nextDouble();
            }
            children.add(u);
        }
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        TriedConfigurations seen = new TriedConfigurations(cube);
        for (double[] child : children) {
            double[] canonical = cube.canonical(child);
            if (seen.contains(canonical) || !Feasibility.admissible(problem, cube, tried, canonical)) {
                continue;
            }
            seen.add(canonical);
            double score = acquisition.score(canonical);
            if (score > bestScore) {
                bestScore = score;
                best = canonical;
            }
        }
        return best != null ? Optional.of(best) : Feasibility.randomPoint(problem, cube, tried, random);
    }
}
