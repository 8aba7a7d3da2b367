package dev.hpo.runner.data;

import dev.hpo.arch.InputShape;
import java.util.Arrays;
import java.util.Objects;

/**
 * Images and their class labels, ready for a network: channels-first (NCHW) floats, image after image, at
 * {@code shape}. The arrays are shared, not copied: callers must not change them.
 *
 * @param pixels {@code size() * channels * height * width} values, image {@code i} starting at
 *     {@code i * shape volume}
 * @param labels class index of each image, non-negative
 * @param shape the shape of every image
 */
public record LabeledImages(float[] pixels, int[] labels, InputShape shape) {

    /**
     * @throws IllegalArgumentException when the pixel count does not match the labels and shape, or a label is
     *     negative
     */
    public LabeledImages {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(shape, "shape");
        long expected = (long) labels.length * volume(shape);
        if (pixels.length != expected) {
            throw new IllegalArgumentException("pixels must hold " + labels.length + " images of " + shape + " ("
                    + expected + " values), got " + pixels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label of image " + i + " must be non-negative, got " + labels[i]);
            }
        }
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** Values per image: channels times height times width. */
    public int imageVolume() {
        return volume(shape);
    }

    static int volume(InputShape shape) {
        return shape.channels() * shape.height() * shape.width();
    }

    /**
     * The same images reordered round-robin over the classes (first image of each class, then the second, ...),
     * each class keeping its own order: any prefix is then as balanced between the classes as it can be, so an
     * evaluation cut short by the time cap is a fair estimate. Every engine evaluates in this order.
     */
    public LabeledImages interleavedByClass() {
        int n = size();
        int classes = 0;
        for (int label : labels) {
            classes = Math.max(classes, label + 1);
        }
        int[][] byClass = new int[classes][];
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        for (int c = 0; c < classes; c++) {
            byClass[c] = new int[counts[c]];
            counts[c] = 0;
        }
        for (int i = 0; i < n; i++) {
            byClass[labels[i]][counts[labels[i]]++] = i;
        }
        int perImage = imageVolume();
        float[] ordered = new float[pixels.length];
        int[] orderedLabels = new int[n];
        int next = 0;
        for (int round = 0; next < n; round++) {
            for (int c = 0; c < classes; c++) {
                if (round < byClass[c].length) {
                    System.arraycopy(pixels, byClass[c][round] * perImage, ordered, next * perImage, perImage);
                    orderedLabels[next++] = c;
                }
            }
        }
        return new LabeledImages(ordered, orderedLabels, shape);
    }

    /** Equal when shape, labels and every pixel are equal (records compare arrays by identity otherwise). */
    @Override
    public boolean equals(Object other) {
        return other instanceof LabeledImages that && shape.equals(that.shape) && Arrays.equals(labels, that.labels)
                && Arrays.equals(pixels, that.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * shape.hashCode() + Arrays.hashCode(labels)) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "LabeledImages[" + size() + " x " + shape + "]";
    }
}
