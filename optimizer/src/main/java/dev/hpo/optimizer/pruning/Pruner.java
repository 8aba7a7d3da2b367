package dev.hpo.optimizer.pruning;

import dev.hpo.study.EarlyStopping;
import dev.hpo.trial.Trial;
import java.time.Duration;
import java.util.List;

/**
 * Early stopping: asked after each measurement a running trial reports whether it should stop now. Implementations
 * keep no state between calls: they decide from the trials they are given.
 */
public interface Pruner {

    /** A pruner that lets every trial run to its end. */
    Pruner NEVER = (trials, trial) -> false;

    /**
     * @param trials the study's trials, by number, {@code trial} among them
     * @param trial the running trial that has just reported a measurement
     * @return true when the trial should stop and end PRUNED
     */
    boolean shouldPrune(List<Trial> trials, Trial trial);

    /**
     * The pruner a study's early-stopping rule names.
     *
     * @param timeCap the wall-clock cap every trial of the study trains against: progress is its elapsed share
     */
    static Pruner of(EarlyStopping rule, Duration timeCap) {
        return switch (rule.rule()) {
            case NONE -> NEVER;
            case MEDIAN -> MedianPruner.of(timeCap, rule);
            case ASHA -> AshaPruner.of(timeCap, rule);
        };
    }
}
