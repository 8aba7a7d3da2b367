package dev.hpo.api.optimizer.core;

/** What the optimizer knows of a trial. */
public enum Outcome {
    /** Waiting or running: its configuration is taken, its result unknown. */
    PENDING,
    /** Finished with final metrics. */
    COMPLETE,
    /**
     * Stopped early (pruned, or stopped with its study) with the metrics of its last measurement: values of
     * training cut short, which the optimizer ranks below every completed trial.
     */
    PRUNED,
    /** Failed: its configuration is taken, it joins no population. */
    FAILED
}
