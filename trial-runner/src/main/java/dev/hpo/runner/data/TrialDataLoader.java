package dev.hpo.runner.data;

import dev.hpo.arch.InputShape;
import dev.hpo.trial.DataSpec;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads the images of one trial: the stratified training and validation subsets of a data spec, resized to the
 * network's input shape and normalised per channel with the training subset's statistics.
 *
 * <p>Resizing uses area averaging when an axis shrinks and bilinear interpolation when it grows (see
 * {@link Resizer}). Grey images requested with three channels are repeated into each; colour images requested
 * with one channel become their luma.
 *
 * <p>Default locations when the spec names no directory: Fashion-MNIST in {@code /usr/share/datasets/fashion-mnist}
 * (Debian's {@code dataset-fashion-mnist}), CIFAR-10 in {@link Cifar10Download#DEFAULT_CACHE}, where
 * {@link Cifar10Download} puts it. An image folder always needs its directory.
 */
public final class TrialDataLoader {

    private TrialDataLoader() {
    }

    /**
     * The dataset's own image shape, which the architecture's resolution multiplier scales: 1x28x28 for
     * Fashion-MNIST, 3x32x32 for CIFAR-10; for an image folder, the size of its first image (by class folder and
     * file name) with 1 channel if it is grey and 3 if it has colour.
     *
     * @throws DataException when an image folder is missing, empty or its first image is unreadable
     */
    public static InputShape nativeShape(DataSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return switch (spec.dataset()) {
            case FASHION_MNIST -> FashionMnist.SHAPE;
            case CIFAR10 -> Cifar10.SHAPE;
            case FOLDER -> ImageFolder.open(folderDirectory(spec)).nativeShape();
        };
    }

    /**
     * Reads the spec's subsets and prepares them for a network with input shape {@code target}.
     *
     * @throws DataException when a data file or folder is missing, unreadable or malformed, or a class has too
     *     few images for the requested per-class counts
     * @throws IllegalArgumentException when the target channel count cannot be made from the source's (only
     *     1 to 3 and 3 to 1 are converted)
     */
    public static TrialData load(DataSpec spec, InputShape target) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(target, "target");
        SourceSubsets subsets = switch (spec.dataset()) {
            case FASHION_MNIST -> FashionMnist.load(spec);
            case CIFAR10 -> Cifar10.load(spec);
            case FOLDER -> ImageFolder.open(folderDirectory(spec)).load(spec);
        };
        LabeledImages train = Preprocessing.toTarget(subsets.train(), target);
        LabeledImages validation = Preprocessing.toTarget(subsets.validation(), target);
        ChannelStatistics statistics = Preprocessing.statistics(train);
        Preprocessing.normalise(train, statistics);
        Preprocessing.normalise(validation, statistics);
        return new TrialData(train, validation, subsets.classNames().size(), subsets.classNames(), statistics);
    }

    private static Path folderDirectory(DataSpec spec) {
        return Path.of(spec.directory().orElseThrow(() -> new IllegalArgumentException(
                "directory is required for the " + spec.dataset().id() + " dataset")));
    }
}
