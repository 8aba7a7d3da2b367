package dev.hpo.study;

/** How a study proposes the next configurations. */
public enum Algorithm {
    /** A genetic algorithm on the unit-cube encoding; one objective, constraints as penalties. */
    EVOLUTION,
    /** Non-dominated sorting for two objectives, constraints by domination. */
    NSGA2,
    /** Independent uniform draws from the unit cube. */
    RANDOM,
    /** Every combination of the categorical and integer values; floats on an even grid. */
    GRID;

    /** True when the algorithm can rank trials on two objectives at once. */
    public boolean multiObjective() {
        return this != EVOLUTION;
    }
}
