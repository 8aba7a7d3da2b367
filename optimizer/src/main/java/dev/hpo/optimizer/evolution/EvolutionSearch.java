package dev.hpo.optimizer.evolution;

import dev.hpo.optimizer.core.EvaluatedConfiguration;
import dev.hpo.optimizer.core.Evaluations;
import dev.hpo.optimizer.core.Feasibility;
import dev.hpo.optimizer.core.SearchAlgorithm;
import dev.hpo.optimizer.core.SearchProblem;
import dev.hpo.optimizer.core.Standing;
import dev.hpo.optimizer.core.TriedConfigurations;
import dev.hpo.optimizer.core.UnitCube;
import dev.hpo.space.Configuration;
import dev.hpo.trial.Trial;
import io.jenetics.DoubleGene;
import io.jenetics.Optimize;
import io.jenetics.Phenotype;
import io.jenetics.TournamentSelector;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Asynchronous steady-state evolution with surrogate-screened offspring.
 *
 * <ol>
 *   <li>The first {@code populationSize} configurations the optimizer proposes come from a maximin Latin
 *       hypercube (enqueued configurations run besides them and join the population).</li>
 *   <li>Afterwards each proposal breeds a few hundred children with Jenetics: tournament selection among the
 *       best {@code populationSize} finished configurations (feasibility first, see {@link Standing}), uniform
 *       crossover, and {@link UnitMutator} mutation at three step sizes; plus mutants of the few best and
 *       uniform random points for exploration. The children are screened by {@link Acquisition} (expected
 *       improvement under a Gaussian-process surrogate, times the probability of feasibility), the best few
 *       are mutated again with small steps, and the most promising untried child is proposed.</li>
 * </ol>
 *
 * <p>No generation is waited for: every call breeds from whatever has finished, so any number of workers can
 * ask at any time. Nothing is kept between calls.
 */
public final class EvolutionSearch implements SearchAlgorithm {

    private static final double[] SIGMAS = {0.03, 0.08, 0.2};
    private static final int CHILDREN_PER_SIGMA = 96;
    private static final int ELITE_MUTANTS = 96;
    private static final int RANDOM_POINTS = 128;
    private static final int REFINED_PARENTS = 8;
    private static final int REFINED_CHILDREN = 16;

    @Override
    public List<Configuration> propose(SearchProblem problem, List<Trial> trials, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        Evaluations evaluations = Evaluations.of(problem, trials);
        RandomGenerator random = new SplittableRandom(problem.seed() * 0x9E3779B97F4A7C15L + trials.size());
        return RandomRegistry.with(random, r -> proposeAll(evaluations, count, r));
    }

    private List<Configuration> proposeAll(Evaluations evaluations, int count, RandomGenerator random) {
        SearchProblem problem = evaluations.problem();
        UnitCube cube = evaluations.cube();
        TriedConfigurations tried = evaluations.tried();
        List<Configuration> proposals = new ArrayList<>();
        long proposedBefore = evaluations.all().stream().filter(c -> !c.enqueued()).count();
        Optional<Acquisition> acquisition = Optional.empty();
        boolean modelled = false;
        while (proposals.size() < count) {
            Optional<double[]> next;
            if (proposedBefore + proposals.size() < problem.populationSize()) {
                next = InitialDesign.next(problem, cube, tried);
            } else {
                if (!modelled) {
                    acquisition = Acquisition.fit(evaluations);
                    modelled = true;
                }
                next = acquisition.isPresent()
                        ? bestChild(evaluations, acquisition.get(), tried, random)
                        : Feasibility.randomPoint(problem, cube, tried, random);
            }
            if (next.isEmpty()) {
                break;
            }
            tried.add(next.get());
            proposals.add(cube.decode(next.get()));
            acquisition.ifPresent(a -> a.believe(List.of(next.get())));
        }
        return proposals;
    }

    private static Optional<double[]> bestChild(Evaluations evaluations, Acquisition acquisition,
                                                TriedConfigurations tried, RandomGenerator random) {
        SearchProblem problem = evaluations.problem();
        UnitCube cube = evaluations.cube();
        List<EvaluatedConfiguration> ranked = evaluations.ranked();
        List<EvaluatedConfiguration> parents = ranked.subList(0, Math.min(problem.populationSize(), ranked.size()));
        List<double[]> children = new ArrayList<>();
        if (parents.size() >= 2) {
            ISeq<Phenotype<DoubleGene, Standing>> population = parents.stream()
                    .map(c -> Genomes.phenotype(c.unit(), c.standing())).collect(ISeq.toISeq());
            for (double sigma : SIGMAS) {
                children.addAll(Genomes.breed(population, new TournamentSelector<>(3),
                        Genomes.<Standing>alterer(cube, sigma), CHILDREN_PER_SIGMA, Optimize.MAXIMUM));
            }
            List<EvaluatedConfiguration> elite = parents.subList(0, Math.min(3, parents.size()));
            ISeq<Phenotype<DoubleGene, Standing>> elitePopulation = elite.stream()
                    .map(c -> Genomes.phenotype(c.unit(), c.standing())).collect(ISeq.toISeq());
            children.addAll(mutants(elitePopulation, cube, 0.05, ELITE_MUTANTS));
        }
        for (int i = 0; i < RANDOM_POINTS; i++) {
            double[] u = new double[cube.dimensions()];
            for (int j = 0; j < u.length; j++) {
                u[j] = random.nextDouble();
            }
            children.add(u);
        }
        List<Scored> scored = screen(problem, cube, tried, acquisition, children);
        if (scored.isEmpty()) {
            return Feasibility.randomPoint(problem, cube, tried, random);
        }
        // A second, finer round around the most promising children.
        List<Scored> top = scored.subList(0, Math.min(REFINED_PARENTS, scored.size()));
        ISeq<Phenotype<DoubleGene, Standing>> topPopulation = top.stream()
                .map(s -> Genomes.phenotype(s.unit(), new Standing(0, 0, -s.score()))).collect(ISeq.toISeq());
        List<double[]> refined = new ArrayList<>();
        refined.addAll(mutants(topPopulation, cube, 0.02, REFINED_PARENTS * REFINED_CHILDREN));
        List<Scored> all = new ArrayList<>(scored);
        all.addAll(screen(problem, cube, tried, acquisition, refined));
        all.sort(Scored.BEST_FIRST);
        return Optional.of(all.get(0).unit());
    }

    /** Mutated copies of the population's members, drawn round-robin so each member gets its share. */
    private static List<double[]> mutants(ISeq<Phenotype<DoubleGene, Standing>> population, UnitCube cube,
                                          double sigma, int count) {
        ISeq<Phenotype<DoubleGene, Standing>> copies = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> population.get(i % population.size())).collect(ISeq.toISeq());
        UnitMutator<Standing> mutator = new UnitMutator<>(cube, sigma);
        return mutator.alter(copies, 1).population().stream().map(p -> Genomes.unit(p.genotype())).toList();
    }

    private static List<Scored> screen(SearchProblem problem, UnitCube cube, TriedConfigurations tried,
                                       Acquisition acquisition, List<double[]> points) {
        List<Scored> scored = new ArrayList<>();
        TriedConfigurations seen = new TriedConfigurations(cube);
        for (double[] point : points) {
            double[] canonical = cube.canonical(point);
            if (seen.contains(canonical) || !Feasibility.admissible(problem, cube, tried, canonical)) {
                continue;
            }
            seen.add(canonical);
            scored.add(new Scored(canonical, acquisition.score(canonical)));
        }
        scored.sort(Scored.BEST_FIRST);
        return scored;
    }

    private record Scored(double[] unit, double score) {
        static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::score).reversed();
    }
}
