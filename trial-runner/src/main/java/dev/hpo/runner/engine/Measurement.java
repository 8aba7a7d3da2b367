package dev.hpo.runner.engine;

/**
 * One point of a trial's learning curve.
 *
 * @param epoch completed epochs when measured
 * @param step optimizer steps taken when measured
 * @param elapsedSeconds wall-clock seconds since the trial started
 * @param trainLoss mean training loss over the steps since the previous measurement
 * @param validationAccuracy accuracy on the evaluated validation images, in [0, 1]
 * @param validationImages how many validation images were evaluated: all of them unless time ran short, then a
 *     prefix balanced between the classes
 */
public record Measurement(int epoch, long step, double elapsedSeconds, double trainLoss, double validationAccuracy,
                          int validationImages) {

    public Measurement {
        if (epoch < 0 || step < 0) {
            throw new IllegalArgumentException("epoch and step must be >= 0, got " + epoch + ", " + step);
        }
        if (!(validationAccuracy >= 0 && validationAccuracy <= 1)) {
            throw new IllegalArgumentException("validationAccuracy must be in [0, 1], got " + validationAccuracy);
        }
        if (validationImages <= 0) {
            throw new IllegalArgumentException("validationImages must be positive, got " + validationImages);
        }
    }
}
