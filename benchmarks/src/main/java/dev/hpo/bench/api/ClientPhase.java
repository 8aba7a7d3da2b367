package dev.hpo.bench.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.protocol.client.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A timed phase of the API benchmark: every client's timings, wall time, the CPU time and allocated bytes of the
 * clients and of the service, and the garbage collections meanwhile with their total time as the collectors
 * report it.
 */
record ClientPhase(List<Timings> timings, long wallNanos, long clientCpuNanos, long serviceCpuNanos,
                   long clientBytes, long serviceBytes, CpuTimes.Collections collections) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Runs {@code work} on {@code clients} threads of their own, each with its own connection to the service
     * {@code template} speaks to, and returns their timings, with the CPU time the clients and the rest of the JVM
     * (the service) spent meanwhile, and the collections that paused both.
     */
    static ClientPhase run(SocketTransport template, int clients, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Map<Long, Long> before = CpuTimes.byThread();
        Map<Long, Long> allocatedBefore = CpuTimes.allocatedByThread();
        CpuTimes.Collections gcBefore = CpuTimes.Collections.sinceStart();
        long start = System.nanoTime();
        try {
            List<Future<Client>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    Timings timings;
                    try (SocketTransport own = template.another()) {
                        timings = work.run(ApiBenchmark.client(own));
                    }
                    return new Client(timings, Thread.currentThread().getId(), CpuTimes.currentThread(),
                            CpuTimes.allocatedByCurrentThread());
                }));
            }
            List<Client> results = new ArrayList<>();
            for (Future<Client> f : futures) {
                results.add(f.get());
            }
            long wall = System.nanoTime() - start;
            CpuTimes.Collections collections = CpuTimes.Collections.sinceStart().since(gcBefore);
            Map<Long, Long> after = CpuTimes.byThread();
            Map<Long, Long> allocatedAfter = CpuTimes.allocatedByThread();
            long clientCpu = 0;
            long clientBytes = 0;
            for (Client client : results) {
                clientCpu += client.cpuNanos() - before.getOrDefault(client.threadId(), 0L);
                clientBytes += client.allocatedBytes() - allocatedBefore.getOrDefault(client.threadId(), 0L);
                after.remove(client.threadId());
                allocatedAfter.remove(client.threadId());
            }
            return new ClientPhase(results.stream().map(Client::timings).toList(), wall, clientCpu,
                    CpuTimes.spentSince(before, after), clientBytes,
                    CpuTimes.spentSince(allocatedBefore, allocatedAfter), collections);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What one client does in a phase, on a connection of its own. */
    @FunctionalInterface
    interface Work {
        Timings run(ApiClient client) throws Exception;
    }

    /** One client's timings, and the CPU time and bytes its thread had used when it finished. */
    private record Client(Timings timings, long threadId, long cpuNanos, long allocatedBytes) {
    }

    /** The phase as the report shows it: throughput, latency percentiles, CPU, allocation and collections. */
    ObjectNode summary() {
        List<Long> latencies = new ArrayList<>();
        List<Long> betweenCollections = new ArrayList<>();
        for (Timings client : timings) {
            for (int i = 0; i < client.count(); i++) {
                latencies.add(client.nanos(i));
                if (!client.duringCollection(i)) {
                    betweenCollections.add(client.nanos(i));
                }
            }
        }
        long[] all = sorted(latencies);
        long[] unpaused = sorted(betweenCollections);
        double seconds = wallNanos / 1e9;
        ObjectNode node = JSON.createObjectNode();
        node.put("count", all.length);
        node.put("seconds", round(seconds));
        node.put("perSecond", round(all.length / seconds));
        node.put("p50Ms", millis(percentile(all, 0.50)));
        node.put("p90Ms", millis(percentile(all, 0.90)));
        node.put("p99Ms", millis(percentile(all, 0.99)));
        node.put("maxMs", millis(all.length == 0 ? 0 : all[all.length - 1]));
        // CPU per operation is steadier than latency on a shared machine, and says what the service itself costs.
        node.put("serviceCpuMsEach", all.length == 0 ? 0 : round(serviceCpuNanos / 1e6 / all.length));
        node.put("clientCpuMsEach", all.length == 0 ? 0 : round(clientCpuNanos / 1e6 / all.length));
        // Both share the heap: what they allocate fills the young generation, whose collections pause everyone.
        node.put("serviceAllocatedKbEach", all.length == 0 ? 0 : round(serviceBytes / 1e3 / all.length));
        node.put("clientAllocatedKbEach", all.length == 0 ? 0 : round(clientBytes / 1e3 / all.length));
        // Collections pause requests in flight; many short ones weigh on the tail.
        node.put("gcCount", collections.count());
        node.put("gcMs", collections.millis());
        // Every operation in flight during a collection waits for it: when they are more than 1% of all, the
        // collections set the p99, and the p99 of the others shows what the service's own work gives.
        node.put("duringCollections", all.length - unpaused.length);
        node.put("p99MsBetweenCollections", millis(percentile(unpaused, 0.99)));
        return node;
    }

    private static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** A warm-up round's round trips in one line: throughput, latency and the service's CPU. */
    static ObjectNode brief(ObjectNode roundTrips) {
        ObjectNode node = JSON.createObjectNode();
        for (String field : List.of("perSecond", "p50Ms", "p99Ms", "serviceCpuMsEach")) {
            node.set(field, roundTrips.get(field));
        }
        return node;
    }

    private static long percentile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return round(nanos / 1e6);
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
