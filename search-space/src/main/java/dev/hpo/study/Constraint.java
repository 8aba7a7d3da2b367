package dev.hpo.study;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A bound a trial's metric must respect to count as feasible, e.g. {@code accuracy >= 0.90} or
 * {@code macs <= 2e8}. Both bounds are inclusive.
 *
 * <p>A bound may instead be the baseline's own value ({@code "min": "baseline"} in JSON): the HAET formulation
 * asks for the cheapest network at least as accurate as a known baseline configuration, which the study runs
 * first as an enqueued trial. Such a bound stands alone and is unknown until the baseline has completed;
 * {@link #withBaseline} turns it into a number.
 *
 * @param metric name of a metric trials report
 * @param min lowest feasible value, if bounded below by a number
 * @param max highest feasible value, if bounded above by a number
 * @param baseline which bound, if any, is the baseline's value of the metric
 * @throws IllegalArgumentException when no bound is given, a bound is not finite, {@code min > max}, or a
 *         baseline bound comes with a numeric one
 */
public record Constraint(String metric, OptionalDouble min, OptionalDouble max, Baseline baseline) {

    /** Which bound of a constraint is the baseline configuration's value of its metric. */
    public enum Baseline {
        NONE,
        /** Feasible when at least the baseline's value, e.g. accuracy. */
        MIN,
        /** Feasible when at most the baseline's value, e.g. MACs. */
        MAX
    }

    public Constraint {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(baseline, "baseline");
        if (metric.isBlank()) {
            throw new IllegalArgumentException("constraint metric must not be blank");
        }
        if (baseline != Baseline.NONE && (min.isPresent() || max.isPresent())) {
            throw new IllegalArgumentException(metric + ": a baseline bound stands alone, without min or max numbers");
        }
        if (min.isEmpty() && max.isEmpty() && baseline == Baseline.NONE) {
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

    /** A constraint with numeric bounds only. */
    public Constraint(String metric, OptionalDouble min, OptionalDouble max) {
        this(metric, min, max, Baseline.NONE);
    }

    /** Feasible when the metric is at least the baseline's, e.g. {@code accuracy >= baseline}. */
    public static Constraint atLeastBaseline(String metric) {
        return new Constraint(metric, OptionalDouble.empty(), OptionalDouble.empty(), Baseline.MIN);
    }

    /** Feasible when the metric is at most the baseline's, e.g. {@code macs <= baseline}. */
    public static Constraint atMostBaseline(String metric) {
        return new Constraint(metric, OptionalDouble.empty(), OptionalDouble.empty(), Baseline.MAX);
    }

    public boolean needsBaseline() {
        return baseline != Baseline.NONE;
    }

    /**
     * This constraint with its baseline bound replaced by the baseline's value; itself when it has none.
     *
     * @throws IllegalArgumentException when the value is not finite
     */
    public Constraint withBaseline(double value) {
        return switch (baseline) {
            case NONE -> this;
            case MIN -> new Constraint(metric, OptionalDouble.of(value), OptionalDouble.empty());
            case MAX -> new Constraint(metric, OptionalDouble.empty(), OptionalDouble.of(value));
        };
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
     * infeasible trials by it. A baseline bound not yet replaced by {@link #withBaseline} is not judged here.
     */
    public double violation(double value) {
        if (Double.isNaN(value)) {
            return Double.POSITIVE_INFINITY;
        }
        double below = min.isPresent() ? Math.max(0, min.getAsDouble() - value) : 0;
        double above = max.isPresent() ? Math.max(0, value - max.getAsDouble()) : 0;
        return below + above;
    }

    /**
     * The violation relative to the size of each bound it breaks, so that a MACs bound of 2e8 and an accuracy bound
     * of 0.9 weigh alike when several violations are summed: 0 when feasible, infinite for NaN. A bound within
     * 1e-12 of zero counts with size 1. Optimizers rank infeasible configurations by the sum of these.
     */
    public double relativeViolation(double value) {
        if (Double.isNaN(value)) {
            return Double.POSITIVE_INFINITY;
        }
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

    public boolean satisfiedBy(double value) {
        return violation(value) == 0;
    }
}
