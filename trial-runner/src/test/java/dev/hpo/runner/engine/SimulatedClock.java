package dev.hpo.runner.engine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A trial clock for tests whose outcome must not depend on how busy the machine is: time moves by one tick each
 * time it is read, and by whatever a test adds ({@link #advance}) to stand for a slow disk or a stalled step. An
 * engine that reads all its time from its {@link TrialClock} then takes the same decisions on any machine.
 */
public final class SimulatedClock implements LongSupplier {

    private final long tickNanos;
    private final AtomicLong now = new AtomicLong();

    public SimulatedClock(Duration tick) {
        this.tickNanos = tick.toNanos();
    }

    @Override
    public long getAsLong() {
        return now.addAndGet(tickNanos);
    }

    /** Moves time on by {@code duration}, as if the trial had spent it. */
    public void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    /** A trial starting now on this clock. */
    public TrialClock start() {
        return TrialClock.startedOn(this);
    }
}
