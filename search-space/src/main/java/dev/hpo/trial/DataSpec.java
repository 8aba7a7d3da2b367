package dev.hpo.trial;

import java.util.Objects;
import java.util.Optional;

/**
 * Which images a trial trains and validates on, following the HAET protocol: a stratified subset of
 * {@code trainPerClass} training images and {@code valPerClass} validation images per class, drawn with
 * {@code subsetSeed}, so repeats of one configuration can see distinct subsets.
 *
 * @param dataset the source format
 * @param directory where the files are; empty for the source's default location
 * @param trainPerClass training images per class, at least 1
 * @param valPerClass validation images per class, at least 1
 * @param subsetSeed seed of the stratified draw
 */
public record DataSpec(Dataset dataset, Optional<String> directory, int trainPerClass, int valPerClass,
                       long subsetSeed) {

    public static final int DEFAULT_TRAIN_PER_CLASS = 500;
    public static final int DEFAULT_VAL_PER_CLASS = 100;

    public DataSpec {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(directory, "directory");
        if (trainPerClass < 1) {
            throw new IllegalArgumentException("trainPerClass must be at least 1, got " + trainPerClass);
        }
        if (valPerClass < 1) {
            throw new IllegalArgumentException("valPerClass must be at least 1, got " + valPerClass);
        }
    }

    public DataSpec withSubsetSeed(long seed) {
        return new DataSpec(dataset, directory, trainPerClass, valPerClass, seed);
    }
}
