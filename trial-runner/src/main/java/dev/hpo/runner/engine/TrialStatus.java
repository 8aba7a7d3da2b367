package dev.hpo.runner.engine;

/** How a trial's training ended. */
public enum TrialStatus {
    /**
     * Trained until its time budget ran out and was scored: by the final evaluation, or, when a slow last step left
     * no time for it, by its last epoch's measurement.
     */
    COMPLETE,
    /** Could not train, e.g. the loss diverged; the result carries the reason. */
    FAILED,
    /** A listener asked it to stop; its accuracy is the last measurement's. */
    STOPPED
}
