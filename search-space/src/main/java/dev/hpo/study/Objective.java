package dev.hpo.study;

import java.util.Objects;

/**
 * A metric a study optimises, e.g. maximise {@code accuracy} or minimise {@code macs}.
 *
 * @param metric name of a metric trials report
 * @param goal which way it should move
 */
public record Objective(String metric, Goal goal) {

    public Objective {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(goal, "goal");
        if (metric.isBlank()) {
            throw new IllegalArgumentException("objective metric must not be blank");
        }
    }

    public static Objective maximize(String metric) {
        return new Objective(metric, Goal.MAXIMIZE);
    }

    public static Objective minimize(String metric) {
        return new Objective(metric, Goal.MINIMIZE);
    }

    /** The value turned into a loss, smaller is better whatever the goal: how optimizers compare values. */
    public double loss(double value) {
        return goal == Goal.MAXIMIZE ? -value : value;
    }
}
