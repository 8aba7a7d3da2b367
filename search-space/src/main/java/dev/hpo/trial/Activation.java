package dev.hpo.trial;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Activations after every batch norm. */
public enum Activation {
    RELU("relu"),
    /** CELU(alpha); the winning small-data recipe used alpha 0.3. */
    CELU("celu"),
    LEAKY_RELU("leakyrelu");

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Activation fromId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        for (Activation a : values()) {
            if (a.id.equals(wanted)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + id + "', expected one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(Activation::id).collect(Collectors.joining(", "));
    }
}
