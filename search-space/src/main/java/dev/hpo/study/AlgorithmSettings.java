package dev.hpo.study;

import java.util.Objects;

/**
 * How a study searches.
 *
 * @param name the search algorithm
 * @param populationSize configurations per generation for EVOLUTION and NSGA2, at least 2; RANDOM and GRID
 *        ignore it
 * @param earlyStopping whether running trials may be stopped early
 */
public record AlgorithmSettings(Algorithm name, int populationSize, EarlyStopping earlyStopping) {

    public static final int DEFAULT_POPULATION_SIZE = 16;
    public static final int MAX_POPULATION_SIZE = 10_000;

    public AlgorithmSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(earlyStopping, "earlyStopping");
        if (populationSize < 2 || populationSize > MAX_POPULATION_SIZE) {
            throw new IllegalArgumentException("populationSize must be in [2, " + MAX_POPULATION_SIZE + "], got "
                    + populationSize);
        }
    }

    /** EVOLUTION, population 16, no early stopping. */
    public static AlgorithmSettings defaults() {
        return new AlgorithmSettings(Algorithm.EVOLUTION, DEFAULT_POPULATION_SIZE, EarlyStopping.none());
    }

    public static AlgorithmSettings of(Algorithm name) {
        return new AlgorithmSettings(name, DEFAULT_POPULATION_SIZE, EarlyStopping.none());
    }
}
