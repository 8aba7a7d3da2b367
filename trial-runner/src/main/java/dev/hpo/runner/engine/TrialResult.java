package dev.hpo.runner.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one trial produced.
 *
 * @param engine name of the engine that trained it
 * @param status how training ended
 * @param failure why it failed; present exactly when {@code status} is {@link TrialStatus#FAILED}
 * @param accuracy validation accuracy in [0, 1]; NaN when the trial failed before any evaluation
 * @param macs forward multiply-accumulates per image, from the cost model
 * @param params trainable parameters, from the cost model
 * @param epochs completed epochs
 * @param steps optimizer steps
 * @param wallSeconds the whole trial: building, training and evaluating
 * @param trainSeconds time spent in training steps only
 * @param imagesPerSecond training throughput over the training steps
 * @param finalLoss mean training loss of the last epoch (or of the steps since the last measurement)
 * @param measurements the learning curve, oldest first
 */
public record TrialResult(
        String engine,
        TrialStatus status,
        Optional<String> failure,
        double accuracy,
        long macs,
        long params,
        int epochs,
        long steps,
        double wallSeconds,
        double trainSeconds,
        double imagesPerSecond,
        double finalLoss,
        List<Measurement> measurements) {

    public TrialResult {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failure, "failure");
        if (failure.isPresent() != (status == TrialStatus.FAILED)) {
            throw new IllegalArgumentException("a failure reason goes with status FAILED only, got " + status
                    + " and " + failure);
        }
        measurements = List.copyOf(measurements);
    }
}
