package dev.hpo.runner.data;

import dev.hpo.arch.InputShape;
import dev.hpo.trial.DataSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Images a study's search never used, to score a trained network on: for Fashion-MNIST and CIFAR-10 the official
 * test images that no validation draw of the study's subset seeds took (training images come from the training
 * files, so no test image was trained on); for an image folder, the images that no draw took, for training or
 * validation. They are prepared as the network's training images were: resized to its input and normalised with the
 * training subset's statistics.
 */
public final class HeldOutImages {

    /** The held-out images of a source, still in its own form. */
    record Source(NativeImages images, List<String> classNames) {

        Source {
            classNames = List.copyOf(classNames);
        }
    }

    /**
     * Held-out images ready for the network.
     *
     * @param images prepared like the training images
     * @param classNames one name per class, in label order
     */
    public record Prepared(LabeledImages images, List<String> classNames) {

        public Prepared {
            classNames = List.copyOf(classNames);
        }
    }

    private HeldOutImages() {
    }

    /**
     * @param spec the dataset, its folder and the per-class counts every draw took
     * @param subsetSeeds the seeds of every draw the study made: one per repeat
     * @param target the network's input shape
     * @param normalisation the statistics the network's training images were normalised with
     * @return the images with their class names in label order
     * @throws DataException when the data cannot be read, or no image is left over
     */
    public static Prepared load(DataSpec spec, List<Long> subsetSeeds, InputShape target,
                                 ChannelStatistics normalisation) {
        Objects.requireNonNull(spec, "spec");
        DataSpec excluding = spec.heldOutFrom(spec.subsetSeed(), subsetSeeds);
        Source source = switch (spec.dataset()) {
            case FASHION_MNIST -> FashionMnist.heldOut(excluding);
            case CIFAR10 -> Cifar10.heldOut(excluding);
            case FOLDER -> ImageFolder.open(Path.of(spec.directory().orElseThrow(() -> new IllegalArgumentException(
                    "directory is required for the " + spec.dataset().id() + " dataset")))).heldOut(excluding);
        };
        if (source.images().size() == 0) {
            throw new DataException("no " + spec.dataset().id() + " image is left that the search did not draw");
        }
        LabeledImages images = Preprocessing.toTarget(source.images(), target);
        Preprocessing.normalise(images, normalisation);
        return new Prepared(images, source.classNames());
    }
}
