package dev.hpo.bench.api;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time and allocated bytes of the JVM's threads, read from the platform's thread bean, to charge a phase's work
 * to who did it; and the garbage collectors' counts, which pause that work. What a phase allocates decides how often
 * the young generation fills, and so how often a collection pauses every request in flight.
 */
final class CpuTimes {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** HotSpot's extension of the bean, which also counts the bytes each thread allocated. */
    private static final com.sun.management.ThreadMXBean ALLOCATIONS =
            THREADS instanceof com.sun.management.ThreadMXBean hotSpot && hotSpot.isThreadAllocatedMemorySupported()
                    ? hotSpot : null;

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

    /** Bytes every live thread has allocated, by thread id; empty when the JVM does not count them. */
    static Map<Long, Long> allocatedByThread() {
        Map<Long, Long> bytes = new HashMap<>();
        if (ALLOCATIONS != null) {
            long[] ids = THREADS.getAllThreadIds();
            long[] allocated = ALLOCATIONS.getThreadAllocatedBytes(ids);
            for (int i = 0; i < ids.length; i++) {
                if (allocated[i] >= 0) {
                    bytes.put(ids[i], allocated[i]);
                }
            }
        }
        return bytes;
    }

    /** Bytes the current thread has allocated, 0 when the JVM does not count them. */
    static long allocatedByCurrentThread() {
        return ALLOCATIONS == null ? 0 : ALLOCATIONS.getCurrentThreadAllocatedBytes();
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
     * CPU nanoseconds (or bytes) the threads in {@code after} spent since {@code before}; threads started in between
     * count from zero. Threads that ended in between are not counted, so the service's long-lived request and commit
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
