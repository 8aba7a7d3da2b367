package dev.hpo.study;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A bound a trial's metric must respect to count as feasible, e.g. {@code accuracy >= 0.90} or
 * {@code macs <= 2e8}. Both bounds are inclusive.
 *
 * @param metric name of a metric trials report
 * @param min lowest feasible value, if bounded below
 * @param max highest feasible value, if bounded above
 * @throws IllegalArgumentException when neither bound is given, a bound is not finite, or {@code min > max}
 */
public record Constraint(String metric, OptionalDouble min, OptionalDouble max) {

    public Constraint {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (metric.isBlank()) {
            throw new IllegalArgumentException("constraint metric must not be blank");
        }
        if (min.isEmpty() && max.isEmpty()) {
            throw new IllegalArgumentException(metric + ": a constraint needs min, max or both");
        }
        if (min.isPresent() && !Double.isFinite(min.getAsDouble())
                || max.isPresent() && !Double.isFinite(max.getAsDouble())) {
            throw new IllegalArgumentException(metric + ": constraint bounds must be finite");
        }
        if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
            throw new IllegalArgumentException(metric + ": min " + min.getAsDouble() + " is above max "
                    + max.getAsDouble());
        }
    }

    public static Constraint atLeast(String metric, double min) {
        return new Constraint(metric, OptionalDouble.of(min), OptionalDouble.empty());
    }

    public static Constraint atMost(String metric, double max) {
        return new Constraint(metric, OptionalDouble.empty(), OptionalDouble.of(max));
    }

    public static Constraint between(String metric, double min, double max) {
        return new Constraint(metric, OptionalDouble.of(min), OptionalDouble.of(max));
    }

    /**
     * How far a value lies outside the feasible range, in the metric's own unit: 0 when feasible, positive
     * otherwise, infinite for NaN (a value that cannot be judged is never feasible). Optimizers rank
     * infeasible trials by it.
     */
    public double violation(double value) {
        if (Double.isNaN(value)) {
            return Double.POSITIVE_INFINITY;
        }
        double below = min.isPresent() ? Math.max(0, min.getAsDouble() - value) : 0;
        double above = max.isPresent() ? Math.max(0, value - max.getAsDouble()) : 0;
        return below + above;
    }

    public boolean satisfiedBy(double value) {
        return violation(value) == 0;
    }
}
