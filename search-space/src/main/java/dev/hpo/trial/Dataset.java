package dev.hpo.trial;

import dev.hpo.arch.InputShape;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The data sources a trial can train on. */
public enum Dataset {
    /** IDX files as in Debian's dataset-fashion-mnist package: 1x28x28, 10 classes. */
    FASHION_MNIST("fashion-mnist", InputShape.of(1, 28, 28), 10),
    /** CIFAR-10 binary batches (data_batch_1..5.bin, test_batch.bin): 3x32x32, 10 classes. */
    CIFAR10("cifar10", InputShape.of(3, 32, 32), 10),
    /** One subfolder per class of PNG/JPEG images, e.g. a Mini-ImageNet subset. */
    FOLDER("folder", null, 0);

    private final String id;
    private final InputShape nativeInput;
    private final int nativeClasses;

    Dataset(String id, InputShape nativeInput, int nativeClasses) {
        this.id = id;
        this.nativeInput = nativeInput;
        this.nativeClasses = nativeClasses;
    }

    /** The shape every image of this source has; empty for a folder, whose images are resized to a given shape. */
    public Optional<InputShape> nativeInput() {
        return Optional.ofNullable(nativeInput);
    }

    /** How many classes this source has; 0 for a folder, which has one class per subfolder. */
    public int nativeClasses() {
        return nativeClasses;
    }

    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Dataset fromId(String id) {
        for (Dataset d : values()) {
            if (d.id.equals(id.toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + id + "', expected one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(Dataset::id).collect(Collectors.joining(", "));
    }
}
