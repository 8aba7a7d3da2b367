package dev.hpo.arch;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The baseline networks a study can scale. */
public enum ModelFamily {
    /** The fast CIFAR ResNet-9: prep conv, three conv+pool layers, residual pairs after the first and third. */
    RESNET9("resnet9"),
    /** The CIFAR ResNet-18: 3x3 stem, four stages of basic blocks, 1x1 projection shortcuts, linear with bias. */
    RESNET18("resnet18");

    private final String id;

    ModelFamily(String id) {
        this.id = id;
    }

    /** The name used in JSON and on the command line. */
    public String id() {
        return id;
    }

    /**
     * Looks a family up by its JSON name, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values when there is no such family
     */
    public static ModelFamily fromId(String id) {
        for (ModelFamily family : values()) {
            if (family.id.equals(id.toLowerCase(Locale.ROOT))) {
                return family;
            }
        }
        throw new IllegalArgumentException("unknown model family '" + id + "', expected one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(ModelFamily::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
