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
        // One seeded root, split once per part, so the validation draw does not depend on the training count.
        SplittableRandom root = new SplittableRandom(spec.subsetSeed());
        SplittableRandom trainRandom = root.split();
        SplittableRandom validationRandom = root.split();
        // The two halves decompress in parallel: gunzip is most of the load time.
        CompletableFuture<NativeImages> train = CompletableFuture.supplyAsync(
                () -> part(directory, "train", drawn(spec.trainPerClass(), "training", trainRandom)));
        NativeImages validation = part(directory, "t10k", drawn(spec.valPerClass(), "validation", validationRandom));
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
     * The test images no validation draw of these subset seeds took: what the search never scored a network on.
     *
     * @param spec the dataset, its folder and the validation count per class the draws took
     */
    static HeldOutImages.Source heldOut(DataSpec spec, List<Long> subsetSeeds) {
        Path directory = DataFiles.directory(spec.directory().map(Path::of).orElse(DEFAULT_DIRECTORY),
                "Fashion-MNIST");
        NativeImages rest = part(directory, "t10k", (labels, pool) -> StratifiedSubset.notDrawn(labels.length,
                subsetSeeds.stream().map(seed -> {
                    SplittableRandom root = new SplittableRandom(seed);
                    root.split();
                    return drawn(spec.valPerClass(), "validation", root.split()).apply(labels, pool);
                }).toList()));
        return new HeldOutImages.Source(rest, CLASS_NAMES);
    }

    private static java.util.function.BiFunction<int[], String, int[]> drawn(int perClass, String partName,
                                                                             SplittableRandom random) {
        return (labels, pool) -> StratifiedSubset.draw(labels, CLASS_NAMES, new int[] {perClass},
                new String[] {partName}, random, pool)[0];
    }

    private static NativeImages part(Path directory, String prefix,
                                     java.util.function.BiFunction<int[], String, int[]> choose) {
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
        int[] indices = choose.apply(labels, images.file().toString());
        int volume = rows * columns;
        return NativeImages.select(images.data(), images.dataOffset(), volume, labels, indices, SHAPE);
    }
}
