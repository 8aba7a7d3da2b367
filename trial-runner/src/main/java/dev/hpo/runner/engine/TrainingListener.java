package dev.hpo.runner.engine;

/** Hears a trial's learning curve as it grows, and may end the trial early (pruning, a stopped study). */
@FunctionalInterface
public interface TrainingListener {

    /**
     * Called after each epoch's evaluation, and once more with the final evaluation (unless a slow last step left
     * no time for it, and the last epoch's measurement is the trial's score).
     *
     * @return whether training should go on; {@code false} stops the trial, which then ends as
     *         {@link TrialStatus#STOPPED} with this measurement's accuracy
     */
    boolean onMeasurement(Measurement measurement);

    /** A listener that lets every trial run to its cap. */
    static TrainingListener none() {
        return measurement -> true;
    }
}
