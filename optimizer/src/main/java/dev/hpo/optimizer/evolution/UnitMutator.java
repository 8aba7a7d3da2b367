package dev.hpo.optimizer.evolution;

import dev.hpo.optimizer.core.UnitCube;
import io.jenetics.Chromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Mutator;
import io.jenetics.MutatorResult;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Mutates a genotype over the unit cube with a strength that suits each coordinate: a Gaussian step of
 * {@code sigma} for floats (in unit space, so log-scale parameters move by ratios), a step of one or more
 * values for integers, a different value for categoricals. Each coordinate mutates with probability
 * {@code 1/d} (and at least one does), so a child stays near its parent in most coordinates.
 */
final class UnitMutator<C extends Comparable<? super C>> extends Mutator<DoubleGene, C> {

    private final UnitCube cube;
    private final double sigma;

    UnitMutator(UnitCube cube, double sigma) {
        super(1.0);
        this.cube = cube;
        this.sigma = sigma;
    }

    @Override
    protected MutatorResult<Chromosome<DoubleGene>> mutate(Chromosome<DoubleGene> chromosome, double p,
                                                           RandomGenerator random) {
        int d = chromosome.length();
        double rate = 1.0 / d;
        boolean[] change = new boolean[d];
        int count = 0;
        for (int i = 0; i < d; i++) {
            change[i] = random.nextDouble() < rate;
            count += change[i] ? 1 : 0;
        }
        if (count == 0) {
            change[random.nextInt(d)] = true;
            count = 1;
        }
        List<DoubleGene> genes = new ArrayList<>(d);
        for (int i = 0; i < d; i++) {
            DoubleGene gene = chromosome.get(i);
            genes.add(change[i] ? gene.newInstance(mutate(i, gene.doubleValue(), random)) : gene);
        }
        return new MutatorResult<>(chromosome.newInstance(io.jenetics.util.ISeq.of(genes)), count);
    }

    private double mutate(int coordinate, double u, RandomGenerator random) {
        switch (cube.kind(coordinate)) {
            case CATEGORICAL: {
                int n = cube.levels(coordinate);
                if (n < 2) {
                    return u;
                }
                int current = Math.min(n - 1, (int) Math.floor(u * n));
                int next = random.nextInt(n - 1);
                if (next >= current) {
                    next++;
                }
                return (next + 0.5) / n;
            }
            case INTEGER: {
                double moved = reflect(u + sigma * random.nextGaussian());
                Object before = cube.parameter(coordinate).decode(u);
                Object after = cube.parameter(coordinate).decode(moved);
                if (!before.equals(after)) {
                    return moved;
                }
                // One value over, in the direction of the step; the canonical encoding of the neighbour.
                long v = (Long) before + (random.nextBoolean() ? 1 : -1);
                try {
                    return cube.parameter(coordinate).encode(v);
                } catch (IllegalArgumentException outOfRange) {
                    return cube.parameter(coordinate).encode((Long) before - (v - (Long) before));
                }
            }
            default:
                return reflect(u + sigma * random.nextGaussian());
        }
    }

    /** Folds a step that leaves the cube back into it, so the bounds are not over-sampled. */
    private static double reflect(double u) {
        double r = u;
        for (int i = 0; i < 4 && (r < 0 || r > 1); i++) {
            r = r < 0 ? -r : 2 - r;
        }
        return Math.min(Math.nextDown(1.0), Math.max(0, r));
    }
}
