package dev.hpo.runner.engine;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * When a trial started, on a monotonic clock. A trial's time cap counts from here, so that whatever precedes
 * training (reading the data, building the network) is inside the cap too.
 *
 * @param nanoClock monotonic nanoseconds, e.g. {@code System::nanoTime}
 * @param startNanos the clock's reading when the trial started
 */
public record TrialClock(LongSupplier nanoClock, long startNanos) {

    public TrialClock {
        Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** A trial starting now on {@link System#nanoTime()}. */
    public static TrialClock startNow() {
        return startedOn(System::nanoTime);
    }

    /** A trial starting now on {@code nanoClock}. */
    public static TrialClock startedOn(LongSupplier nanoClock) {
        return new TrialClock(nanoClock, nanoClock.getAsLong());
    }

    public double elapsedSeconds() {
        return (nanoClock.getAsLong() - startNanos) / 1e9;
    }
}
