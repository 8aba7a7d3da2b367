package dev.hpo.trial;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The update rules a trial can train with. */
public enum Optimizer {
    /** SGD with Nesterov momentum; weight decay added to the gradient (L2). */
    SGD,
    /** Adam; weight decay added to the gradient (L2). */
    ADAM,
    /** Adam with decoupled weight decay. */
    ADAMW,
    ADAMAX,
    ADAGRAD,
    RMSPROP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Optimizer fromId(String id) {
        for (Optimizer o : values()) {
            if (o.id().equals(id.toLowerCase(Locale.ROOT))) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + id + "', expected one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(Optimizer::id).collect(Collectors.joining(", "));
    }
}
