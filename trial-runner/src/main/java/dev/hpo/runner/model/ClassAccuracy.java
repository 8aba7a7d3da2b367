package dev.hpo.runner.model;

import java.util.Arrays;
import java.util.List;

/**
 * How a network did on a set of images, class by class.
 *
 * @param classNames one per class, in label order
 * @param images how many images of each class were scored
 * @param correct how many of each class it classified correctly
 */
public record ClassAccuracy(List<String> classNames, int[] images, int[] correct) {

    public ClassAccuracy {
        classNames = List.copyOf(classNames);
        images = images.clone();
        correct = correct.clone();
        if (images.length != classNames.size() || correct.length != classNames.size()) {
            throw new IllegalArgumentException("need one count per class");
        }
    }

    @Override
    public int[] images() {
        return images.clone();
    }

    @Override
    public int[] correct() {
        return correct.clone();
    }

    public int totalImages() {
        return Arrays.stream(images).sum();
    }

    public int totalCorrect() {
        return Arrays.stream(correct).sum();
    }

    /** Share of all images classified correctly; NaN for none. */
    public double accuracy() {
        return totalImages() == 0 ? Double.NaN : (double) totalCorrect() / totalImages();
    }

    /** Share of the class's images classified correctly; NaN for none. */
    public double accuracy(int label) {
        return images[label] == 0 ? Double.NaN : (double) correct[label] / images[label];
    }
}
