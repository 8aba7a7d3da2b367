package dev.hpo.api.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the JVM's threads, read from the platform's thread bean, to charge a phase's work to who did it; and
 * the garbage collectors' counts, which pause that work.
 */
final class CpuTimes {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTimes() {
    }

    /** CPU nanoseconds of every live thread, by thread id; empty when the JVM does not measure thread CPU time. */
    static Map<Long, Long> byThread() {
        Map<Long, Long> times = new HashMap<>();
        if (THREADS.isThreadCpuTimeSupported()) {
            for (long id : THREADS.getAllThreadIds()) {
                long nanos = THREADS.getThreadCpuTime(id);
                if (nanos >= 0) {
                    times.put(id, nanos);
                }
            }
        }
        return times;
    }

    /** Garbage collections, and their accumulated time in milliseconds, over all of the JVM's collectors. */
    record Collections(long count, long millis) {

        /** The collections so far. */
        static Collections sinceStart() {
            long count = 0;
            long millis = 0;
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, collector.getCollectionCount());
                millis += Math.max(0, collector.getCollectionTime());
            }
            return new Collections(count, millis);
        }

        /** The collections since {@code earlier} was read. */
        Collections since(Collections earlier) {
            return new Collections(count - earlier.count, millis - earlier.millis);
        }
    }

    static long currentThread() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /**
     * CPU nanoseconds the threads in {@code after} spent since {@code before}; threads started in between count
     * from zero. Threads that ended in between are not counted, so the service's long-lived request and commit
     * threads are what this measures.
     */
    static long spentSince(Map<Long, Long> before, Map<Long, Long> after) {
        long spent = 0;
        for (Map.Entry<Long, Long> thread : after.entrySet()) {
            spent += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        return spent;
    }
}
