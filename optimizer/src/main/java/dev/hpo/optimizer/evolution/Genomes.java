package dev.hpo.optimizer.evolution;

import dev.hpo.optimizer.core.UnitCube;
import io.jenetics.Alterer;
import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.Optimize;
import io.jenetics.Phenotype;
import io.jenetics.Selector;
import io.jenetics.UniformCrossover;
import io.jenetics.util.ISeq;
import java.util.ArrayList;
import java.util.List;

/**
 * The bridge between points of the unit cube and Jenetics: a genotype is one {@link DoubleChromosome} with a
 * gene in {@code [0, 1)} per tunable parameter. Callers run these methods inside
 * {@code RandomRegistry.with(random, ...)} so every random choice Jenetics makes comes from the seeded
 * generator.
 */
public final class Genomes {

    private Genomes() {
    }

    public static Genotype<DoubleGene> genotype(double[] unit) {
        List<DoubleGene> genes = new ArrayList<>(unit.length);
        for (double u : unit) {
            genes.add(DoubleGene.of(Math.min(Math.nextDown(1.0), Math.max(0, u)), 0, 1));
        }
        return Genotype.of(DoubleChromosome.of(genes));
    }

    public static double[] unit(Genotype<DoubleGene> genotype) {
        return ((DoubleChromosome) genotype.chromosome()).toArray();
    }

    public static <C extends Comparable<? super C>> Phenotype<DoubleGene, C> phenotype(double[] unit, C fitness) {
        return Phenotype.of(genotype(unit), 0, fitness);
    }

    /**
     * The alterer of a generation: uniform crossover of selected parents, then a mutation of every child.
     *
     * @param sigma the Gaussian step of float coordinates in unit space
     */
    public static <C extends Comparable<? super C>> Alterer<DoubleGene, C> alterer(UnitCube cube, double sigma) {
        return Alterer.of(new UniformCrossover<>(0.6, 0.5), new UnitMutator<C>(cube, sigma));
    }

    /**
     * Breeds children: parents chosen by the selector from the population, then altered.
     *
     * @return the children's points of the unit cube (not yet canonical)
     */
    public static <C extends Comparable<? super C>> List<double[]> breed(
            ISeq<Phenotype<DoubleGene, C>> population, Selector<DoubleGene, C> selector,
            Alterer<DoubleGene, C> alterer, int count, Optimize optimize) {
        ISeq<Phenotype<DoubleGene, C>> parents = selector.select(population, count, optimize);
        ISeq<Phenotype<DoubleGene, C>> children = alterer.alter(parents, 1).population();
        List<double[]> points = new ArrayList<>(children.size());
        for (Phenotype<DoubleGene, C> child : children) {
            points.add(unit(child.genotype()));
        }
        return points;
    }
}
