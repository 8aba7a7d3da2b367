package dev.hpo.runner.engine;

/**
 * One point of a trial's learning curve.
 *
 * @param epoch completed epochs when measured
 * @param step optimizer steps taken when measured
 * @param elapsedSeconds wall-clock seconds since the trial started
 * @param trainLoss mean training loss over the steps since the previous measurement
 * @param validationAccuracy accuracy on the validation subset, in [0, 1]
 */
public record Measurement(int epoch, long step, double elapsedSeconds, double trainLoss, double validationAccuracy) {

    public Measurement {
        if (epoch < 0 || step < 0) {
            throw new IllegalArgumentException("epoch and step must be >= 0, got " + epoch + ", " + step);
        }
        if (!(validationAccuracy >= 0 && validationAccuracy <= 1)) {
            throw new IllegalArgumentException("validationAccuracy must be in [0, 1], got " + validationAccuracy);
        }
    }
}
