package dev.hpo.api.optimizer;

import dev.hpo.space.Configuration;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One trial as the optimizer sees it.
 *
 * @param number position of the trial in its study, from 0, in creation order
 * @param parameters the configuration the trial runs
 * @param state where the trial is in its life
 * @param metrics final metrics of a complete trial; empty otherwise
 * @param measurements intermediate results in the order they were reported
 * @param enqueued true when a user asked for this configuration rather than a sampler proposing it
 */
public record TrialRecord(long number, Configuration parameters, TrialState state, Map<String, Double> metrics,
                          List<Measurement> measurements, boolean enqueued) {

    public TrialRecord {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(state, "state");
        metrics = Map.copyOf(metrics);
        measurements = List.copyOf(measurements);
    }
}
