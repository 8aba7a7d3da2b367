package dev.hpo.study;

import dev.hpo.arch.InputShape;
import dev.hpo.trial.DataSpec;
import dev.hpo.trial.Dataset;
import java.util.Objects;
import java.util.Optional;

/**
 * The data every trial of a study trains on, before a repeat picks its subset seed.
 *
 * @param name the source
 * @param directory where its files are; empty for the source's default location
 * @param trainPerClass training images per class, at least 1
 * @param valPerClass validation images per class, at least 1
 * @param input the shape images are fed at before the resolution multiplier: the source's native shape, or for a
 *        folder the shape its images are resized to
 * @param classes output classes: the source's own count, or for a folder its number of class subfolders
 * @throws IllegalArgumentException when a built-in source is given another shape or class count
 */
public record DatasetSettings(Dataset name, Optional<String> directory, int trainPerClass, int valPerClass,
                              InputShape input, int classes) {

    public DatasetSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(input, "input");
        if (trainPerClass < 1) {
            throw new IllegalArgumentException("trainPerClass must be at least 1, got " + trainPerClass);
        }
        if (valPerClass < 1) {
            throw new IllegalArgumentException("valPerClass must be at least 1, got " + valPerClass);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2, got " + classes);
        }
        if (name.nativeInput().isPresent()
                && (!name.nativeInput().get().equals(input) || name.nativeClasses() != classes)) {
            throw new IllegalArgumentException(name.id() + " images are " + name.nativeInput().get() + " in "
                    + name.nativeClasses() + " classes, not " + input + " in " + classes);
        }
    }

    /** A built-in source at its default location, with the HAET subset sizes (500 + 100 images per class). */
    public static DatasetSettings of(Dataset name) {
        return of(name, DataSpec.DEFAULT_TRAIN_PER_CLASS, DataSpec.DEFAULT_VAL_PER_CLASS);
    }

    /** A built-in source at its default location. */
    public static DatasetSettings of(Dataset name, int trainPerClass, int valPerClass) {
        InputShape input = name.nativeInput().orElseThrow(
                () -> new IllegalArgumentException(name.id() + " needs an input shape and a class count"));
        return new DatasetSettings(name, Optional.empty(), trainPerClass, valPerClass, input, name.nativeClasses());
    }

    /** The data of one trial: these settings with a subset seed. */
    public DataSpec toDataSpec(long subsetSeed) {
        return new DataSpec(name, directory, trainPerClass, valPerClass, subsetSeed);
    }
}
