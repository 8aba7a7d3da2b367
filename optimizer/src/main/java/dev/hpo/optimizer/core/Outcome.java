package dev.hpo.optimizer.core;

import dev.hpo.trial.TrialState;

/** What the optimizer knows of a trial, or of a configuration from its repeats. */
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
    FAILED;

    /** The outcome of a trial in this state. */
    public static Outcome of(TrialState state) {
        return switch (state) {
            case WAITING, RUNNING -> PENDING;
            case COMPLETE -> COMPLETE;
            case PRUNED, STOPPED -> PRUNED;
            case FAILED -> FAILED;
        };
    }
}
