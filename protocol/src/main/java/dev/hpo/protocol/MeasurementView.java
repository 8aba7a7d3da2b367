package dev.hpo.protocol;

import java.time.Instant;
import java.util.Map;

/**
 * A stored measurement of a trial.
 *
 * @param attempt the run of the trial that reported it, from 1: a requeued trial keeps its earlier runs' curves
 */
public record MeasurementView(int attempt, long step, double elapsedSeconds, Map<String, Double> metrics,
                              Instant reportedAt) {
}
