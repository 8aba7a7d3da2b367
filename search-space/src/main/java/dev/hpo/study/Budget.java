package dev.hpo.study;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How much a study may spend. The study ends when either limit is reached; running trials then finish or are
 * stopped at their own caps.
 *
 * @param maxTrials trials to run at most, at least 1
 * @param maxDuration wall-clock limit of the whole study, if any; positive
 * @param parallelism trials running at the same time at most, at least 1 (more than maxTrials is allowed and
 *        simply never reached)
 */
public record Budget(int maxTrials, Optional<Duration> maxDuration, int parallelism) {

    public static final int MAX_TRIALS = 1_000_000;
    public static final int MAX_PARALLELISM = 10_000;

    public Budget {
        Objects.requireNonNull(maxDuration, "maxDuration");
        if (maxTrials < 1 || maxTrials > MAX_TRIALS) {
            throw new IllegalArgumentException("maxTrials must be in [1, " + MAX_TRIALS + "], got " + maxTrials);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        maxDuration.ifPresent(d -> {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("maxDuration must be positive, got " + d);
            }
        });
    }

    public static Budget of(int maxTrials) {
        return new Budget(maxTrials, Optional.empty(), 1);
    }
}
