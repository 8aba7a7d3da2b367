package dev.hpo.api.optimizer;

/** Early stopping: asked after each measurement a running trial reports whether it should stop now. */
public interface Pruner {

    /** A pruner that lets every trial run to its end. */
    Pruner NEVER = (history, trial) -> false;

    /**
     * @param history the study, including {@code trial}
     * @param trial the running trial that has just reported a measurement
     * @return true when the trial should stop and end PRUNED
     */
    boolean shouldPrune(StudyHistory history, TrialRecord trial);
}
