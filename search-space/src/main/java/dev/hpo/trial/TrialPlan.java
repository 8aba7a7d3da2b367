package dev.hpo.trial;

import dev.hpo.arch.ArchitectureSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything an engine needs to run one trial: the network, the data, how to train, and the wall-clock cap
 * the whole trial (training and evaluation) must fit in.
 */
public record TrialPlan(ArchitectureSpec architecture, DataSpec data, TrainingOptions training, Duration timeCap) {

    public TrialPlan {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(timeCap, "timeCap");
        if (timeCap.isNegative() || timeCap.isZero()) {
            throw new IllegalArgumentException("timeCap must be positive, got " + timeCap);
        }
    }
}
