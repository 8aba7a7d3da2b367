package dev.hpo.api.optimizer.core;

import java.util.Objects;

/**
 * A metric to optimise and its direction.
 *
 * @param metric name of a metric a trial reports or the cost model knows, e.g. {@code accuracy}, {@code macs}
 * @param maximize true to maximise, false to minimise
 */
public record Objective(String metric, boolean maximize) {

    public Objective {
        Objects.requireNonNull(metric, "metric");
        if (metric.isBlank()) {
            throw new IllegalArgumentException("objective metric must not be blank");
        }
    }

    public static Objective maximize(String metric) {
        return new Objective(metric, true);
    }

    public static Objective minimize(String metric) {
        return new Objective(metric, false);
    }

    /** The value turned into a loss: smaller is better for every objective. */
    public double loss(double value) {
        return maximize ? -value : value;
    }
}
