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
 * @param validationImages images the final accuracy was measured on: the whole validation subset unless the time
 *     cap left room for only part of it (a prefix balanced between the classes); 0 when not evaluated
 * @param flipAveraged whether the final evaluation averaged each image with its mirror image
 * @param scoredAtStep optimizer steps the scored network had taken: {@code steps} when the final network was
 *     evaluated (or, for a stopped trial, measured); fewer when a slow last step left no time to evaluate it and
 *     the accuracy is the last epoch's measurement; 0 when nothing was scored
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
        int validationImages,
        boolean flipAveraged,
        long scoredAtStep,
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
        if (scoredAtStep < 0 || scoredAtStep > steps) {
            throw new IllegalArgumentException("scoredAtStep must be in [0, steps = " + steps + "], got "
                    + scoredAtStep);
        }
        measurements = List.copyOf(measurements);
    }
}
