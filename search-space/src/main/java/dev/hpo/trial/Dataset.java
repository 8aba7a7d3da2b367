package dev.hpo.trial;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The data sources a trial can train on. */
public enum Dataset {
    /** IDX files as in Debian's dataset-fashion-mnist package: 1x28x28, 10 classes. */
    FASHION_MNIST("fashion-mnist"),
    /** CIFAR-10 binary batches (data_batch_1..5.bin, test_batch.bin): 3x32x32, 10 classes. */
    CIFAR10("cifar10"),
    /** One subfolder per class of PNG/JPEG images, e.g. a Mini-ImageNet subset. */
    FOLDER("folder");

    private final String id;

    Dataset(String id) {
        this.id = id;
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
