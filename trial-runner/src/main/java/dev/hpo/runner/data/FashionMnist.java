package dev.hpo.runner.data;

import dev.hpo.arch.InputShape;
import dev.hpo.trial.DataSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Fashion-MNIST from its four IDX files, plain or gzip. Following the HAET protocol (and the PyTorch reference
 * trial), the training subset comes from the 60,000 training images and the validation subset from the 10,000
 * test images, each stratified.
 */
final class FashionMnist {

    static final InputShape SHAPE = InputShape.of(1, 28, 28);
    static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");
    static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {
    }

    static SourceSubsets load(DataSpec spec) {
        Path directory = DataFiles.directory(spec.directory().map(Path::of).orElse(DEFAULT_DIRECTORY),
                "Fashion-MNIST");
        PartDraws draws = PartDraws.of(spec);
        // The two halves decompress in parallel: gunzip is most of the load time.
        CompletableFuture<NativeImages> train = CompletableFuture.supplyAsync(
                () -> part(directory, "train", StratifiedSubset.drawn(CLASS_NAMES, spec.trainPerClass(), "training",
                        draws.training(), draws.excludedTraining())));
        NativeImages validation = part(directory, "t10k", StratifiedSubset.drawn(CLASS_NAMES, spec.valPerClass(),
                "validation", draws.validation(), draws.excludedValidation()));
        try {
            return new SourceSubsets(train.join(), validation, CLASS_NAMES);
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * The test images that none of the spec's excluded subsets drew for validation (training images come from the
     * training files, so no test image was trained on).
     */
    static HeldOutImages.Source heldOut(DataSpec spec) {
        Path directory = DataFiles.directory(spec.directory().map(Path::of).orElse(DEFAULT_DIRECTORY),
                "Fashion-MNIST");
        return new HeldOutImages.Source(part(directory, "t10k", StratifiedSubset.leftOver(CLASS_NAMES,
                spec.valPerClass(), "validation", PartDraws.of(spec).excludedValidation())), CLASS_NAMES);
    }

    private static NativeImages part(Path directory, String prefix, StratifiedSubset.Choice choice) {
        IdxFile images = IdxFile.read(DataFiles.plainOrGzip(directory, prefix + "-images-idx3-ubyte"), 3);
        IdxFile labelFile = IdxFile.read(DataFiles.plainOrGzip(directory, prefix + "-labels-idx1-ubyte"), 1);
        int rows = images.dimensions()[1];
        int columns = images.dimensions()[2];
        if (rows != SHAPE.height() || columns != SHAPE.width()) {
            throw new DataException("wrong image size in " + images.file() + ": " + rows + "x" + columns
                    + ", Fashion-MNIST images are " + SHAPE.height() + "x" + SHAPE.width());
        }
        if (labelFile.count() != images.count()) {
            throw new DataException("label count mismatch: " + labelFile.file() + " holds " + labelFile.count()
                    + " labels but " + images.file() + " holds " + images.count() + " images");
        }
        int[] labels = labelFile.labels(CLASS_NAMES.size());
        int[] indices = choice.of(labels, images.file().toString());
        int volume = rows * columns;
        return NativeImages.select(images.data(), images.dataOffset(), volume, labels, indices, SHAPE);
    }
}
