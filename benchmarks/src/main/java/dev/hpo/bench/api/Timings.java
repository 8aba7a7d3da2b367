package dev.hpo.bench.api;

import java.util.Arrays;

/**
 * One client's operations, timed one after the other: how long each took, and whether a garbage collection ended
 * while it ran. A collection that stops the application stops every request in flight at once, so
 * a few pauses reach many operations; whether those are more or less than 1% of all decides much of a p99.
 *
 * <p>The collectors' counts change at the end of each collection, inside the pause, so a count that differs at an
 * operation's end from its start means the operation waited for a whole pause or part of one. Concurrent
 * collectors count their cycles too, which pause the application only briefly; the parallel collector the
 * service runs with stops it for all of its work.
 */
final class Timings {

    private long[] nanos = new long[256];
    private boolean[] collected = new boolean[256];
    private int count;
    private long started;
    private long collectionsAtStart;

    /** An operation starts; one that never {@link #stop}s is not counted. */
    void start() {
        collectionsAtStart = collections();
        started = System.nanoTime();
    }

    /** The operation {@link #start}ed last is over. */
    void stop() {
        long took = System.nanoTime() - started;
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, 2 * count);
            collected = Arrays.copyOf(collected, 2 * count);
        }
        nanos[count] = took;
        collected[count++] = collections() != collectionsAtStart;
    }

    int count() {
        return count;
    }

    long nanos(int operation) {
        return nanos[operation];
    }

    /** True when a collection ended while the operation ran. */
    boolean duringCollection(int operation) {
        return collected[operation];
    }

    private static long collections() {
        return CpuTimes.Collections.sinceStart().count();
    }
}
