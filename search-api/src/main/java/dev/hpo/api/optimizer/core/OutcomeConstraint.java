package dev.hpo.api.optimizer.core;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A bound on a metric that a feasible configuration must respect: {@code min <= value <= max}.
 *
 * @param metric the bounded metric
 * @param min lower bound, if any
 * @param max upper bound, if any
 * @throws IllegalArgumentException when neither bound is given, a bound is not finite, or {@code min > max}
 */
public record OutcomeConstraint(String metric, OptionalDouble min, OptionalDouble max) {

    public OutcomeConstraint {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isEmpty() && max.isEmpty()) {
            throw new IllegalArgumentException(metric + ": a constraint needs a min or a max");
        }
        if (min.isPresent() && !Double.isFinite(min.getAsDouble())
                || max.isPresent() && !Double.isFinite(max.getAsDouble())) {
            throw new IllegalArgumentException(metric + ": constraint bounds must be finite");
        }
        if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
            throw new IllegalArgumentException(metric + ": constraint min is above max");
        }
    }

    public static OutcomeConstraint atLeast(String metric, double min) {
        return new OutcomeConstraint(metric, OptionalDouble.of(min), OptionalDouble.empty());
    }

    public static OutcomeConstraint atMost(String metric, double max) {
        return new OutcomeConstraint(metric, OptionalDouble.empty(), OptionalDouble.of(max));
    }

    /**
     * How far a value lies outside the bounds, relative to the size of the bound it breaks (so that a MACs
     * bound of 2e8 and an accuracy bound of 0.9 weigh alike); 0 when the value is within them.
     */
    public double violation(double value) {
        double v = 0;
        if (min.isPresent() && value < min.getAsDouble()) {
            v += (min.getAsDouble() - value) / scale(min.getAsDouble());
        }
        if (max.isPresent() && value > max.getAsDouble()) {
            v += (value - max.getAsDouble()) / scale(max.getAsDouble());
        }
        return v;
    }

    private static double scale(double bound) {
        return Math.abs(bound) < 1e-12 ? 1 : Math.abs(bound);
    }
}
