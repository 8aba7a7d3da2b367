package dev.hpo.runner.data;

import java.util.List;
import java.util.Objects;

/**
 * The images one trial trains and validates on: both subsets share one shape and were normalised with the
 * training subset's per-channel statistics.
 *
 * @param train the stratified training subset
 * @param validation the stratified validation subset, disjoint from {@code train}
 * @param classes number of classes; every label is below it
 * @param classNames one name per class, in label order
 * @param normalisation the training subset's per-channel statistics both subsets were normalised with, which a
 *        saved network needs to see new images as it saw these
 */
public record TrialData(LabeledImages train, LabeledImages validation, int classes, List<String> classNames,
                        ChannelStatistics normalisation) {

    /**
     * @throws IllegalArgumentException when shapes differ, names do not match the class count or a label is too
     *     large
     */
    public TrialData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(normalisation, "normalisation");
        classNames = List.copyOf(classNames);
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be at least 1, got " + classes);
        }
        if (classNames.size() != classes) {
            throw new IllegalArgumentException(
                    "classNames must hold " + classes + " names, got " + classNames.size());
        }
        if (!train.shape().equals(validation.shape())) {
            throw new IllegalArgumentException("train and validation shapes differ: " + train.shape() + " vs "
                    + validation.shape());
        }
        checkLabels("train", train, classes);
        checkLabels("validation", validation, classes);
        if (normalisation.channels() != train.shape().channels()) {
            throw new IllegalArgumentException("normalisation holds " + normalisation.channels() + " channels, the "
                    + "images " + train.shape().channels());
        }
    }

    /** Images used as they are, without normalisation. */
    public TrialData(LabeledImages train, LabeledImages validation, int classes, List<String> classNames) {
        this(train, validation, classes, classNames, ChannelStatistics.identity(train.shape().channels()));
    }

    private static void checkLabels(String name, LabeledImages images, int classes) {
        for (int label : images.labels()) {
            if (label >= classes) {
                throw new IllegalArgumentException(
                        name + " label " + label + " is out of range for " + classes + " classes");
            }
        }
    }
}
