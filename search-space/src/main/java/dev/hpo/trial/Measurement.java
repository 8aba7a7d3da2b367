package dev.hpo.trial;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Metrics a trial reports at one point of its training: intermediate measurements feed early stopping, the last
 * one is the trial's result.
 *
 * @param step training steps (mini-batches) done so far, at least 0
 * @param elapsedSeconds wall-clock seconds since the trial started, finite and at least 0
 * @param metrics metric name to value, e.g. {@code accuracy}, {@code loss}; every value finite
 * @throws IllegalArgumentException when a bound is broken, naming the metric at fault
 */
public record Measurement(long step, double elapsedSeconds, Map<String, Double> metrics) {

    public Measurement {
        if (step < 0) {
            throw new IllegalArgumentException("step must be at least 0, got " + step);
        }
        if (!(elapsedSeconds >= 0) || Double.isInfinite(elapsedSeconds)) {
            throw new IllegalArgumentException("elapsedSeconds must be a finite number >= 0, got " + elapsedSeconds);
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : Objects.requireNonNull(metrics, "metrics").entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new IllegalArgumentException("metric names must not be blank");
            }
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("metric '" + e.getKey() + "' must be a finite number, got "
                        + e.getValue());
            }
            copy.put(e.getKey(), e.getValue());
        }
        metrics = Collections.unmodifiableMap(copy);
    }

    public static Measurement of(long step, double elapsedSeconds, Map<String, Double> metrics) {
        return new Measurement(step, elapsedSeconds, metrics);
    }

    /**
     * @throws IllegalArgumentException when the metric was not measured
     */
    public double metric(String name) {
        Double value = metrics.get(name);
        if (value == null) {
            throw new IllegalArgumentException("measurement has no metric '" + name + "', only " + metrics.keySet());
        }
        return value;
    }

    public boolean has(String name) {
        return metrics.containsKey(name);
    }
}
