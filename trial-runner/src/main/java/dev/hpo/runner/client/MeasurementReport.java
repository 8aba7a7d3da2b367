package dev.hpo.runner.client;

import java.util.Map;
import java.util.Objects;

/**
 * One point of a trial's learning curve as the API stores it.
 *
 * @param step progress counter that grows with training, e.g. the epoch, at least 0
 * @param elapsedSeconds wall-clock seconds since the trial started, at least 0
 * @param metrics named values, e.g. {@code accuracy} and {@code loss}; every value finite
 */
public record MeasurementReport(long step, double elapsedSeconds, Map<String, Double> metrics) {

    public MeasurementReport {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        if (!(elapsedSeconds >= 0) || Double.isInfinite(elapsedSeconds)) {
            throw new IllegalArgumentException("elapsedSeconds must be >= 0, got " + elapsedSeconds);
        }
        metrics = Map.copyOf(Objects.requireNonNull(metrics, "metrics"));
        metrics.forEach((name, value) -> {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("metric " + name + " must be finite, got " + value);
            }
        });
    }
}
