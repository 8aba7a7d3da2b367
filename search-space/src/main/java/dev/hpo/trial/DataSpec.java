package dev.hpo.trial;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which images a trial trains and validates on, following the HAET protocol: a stratified subset of
 * {@code trainPerClass} training images and {@code valPerClass} validation images per class, drawn with
 * {@code subsetSeed}, so repeats of one configuration can see distinct subsets.
 *
 * <p>A confirmation trial must be scored on images the search never saw: it names the subset seeds of the search's
 * repeats in {@code excludedSubsets}, and each of its parts is drawn only from the images those subsets did not
 * take from the same pool (for Fashion-MNIST and CIFAR-10 the validation images come from the official test split,
 * so it is scored on test images no search trial was validated on).
 *
 * @param dataset the source format
 * @param directory where the files are; empty for the source's default location
 * @param trainPerClass training images per class, at least 1
 * @param valPerClass validation images per class, at least 1
 * @param subsetSeed seed of the stratified draw
 * @param excludedSubsets subset seeds (with the same per-class counts) whose images this draw leaves out; empty for
 *        a search trial
 */
public record DataSpec(Dataset dataset, Optional<String> directory, int trainPerClass, int valPerClass,
                       long subsetSeed, List<Long> excludedSubsets) {

    public static final int DEFAULT_TRAIN_PER_CLASS = 500;
    public static final int DEFAULT_VAL_PER_CLASS = 100;

    public DataSpec {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(directory, "directory");
        excludedSubsets = List.copyOf(excludedSubsets);
        if (trainPerClass < 1) {
            throw new IllegalArgumentException("trainPerClass must be at least 1, got " + trainPerClass);
        }
        if (valPerClass < 1) {
            throw new IllegalArgumentException("valPerClass must be at least 1, got " + valPerClass);
        }
    }

    /** A search trial's data: nothing excluded. */
    public DataSpec(Dataset dataset, Optional<String> directory, int trainPerClass, int valPerClass,
                    long subsetSeed) {
        this(dataset, directory, trainPerClass, valPerClass, subsetSeed, List.of());
    }

    public DataSpec withSubsetSeed(long seed) {
        return new DataSpec(dataset, directory, trainPerClass, valPerClass, seed, excludedSubsets);
    }

    /** This data drawn with {@code seed}, leaving out the images the subsets of {@code excluded} took. */
    public DataSpec heldOutFrom(long seed, List<Long> excluded) {
        return new DataSpec(dataset, directory, trainPerClass, valPerClass, seed, excluded);
    }
}
