package dev.hpo.api.optimizer.core;

import dev.hpo.space.Configuration;
import java.util.Map;
import java.util.Objects;

/**
 * One trial as the optimizer sees it.
 *
 * @param number the trial's number in its study; orders trials
 * @param configuration its parameters
 * @param outcome how far it got
 * @param metrics final metrics when complete, the last measurement's when pruned, empty otherwise
 * @param enqueued true when a user enqueued the configuration (e.g. a baseline) instead of the optimizer
 */
public record Observation(long number, Configuration configuration, Outcome outcome, Map<String, Double> metrics,
                          boolean enqueued) {

    public Observation {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(outcome, "outcome");
        metrics = Map.copyOf(metrics);
    }

    public static Observation complete(long number, Configuration configuration, Map<String, Double> metrics) {
        return new Observation(number, configuration, Outcome.COMPLETE, metrics, false);
    }

    public static Observation pending(long number, Configuration configuration) {
        return new Observation(number, configuration, Outcome.PENDING, Map.of(), false);
    }
}
