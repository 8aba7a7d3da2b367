package dev.hpo.reliability.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What workers were told by the API, from their side: which worker each trial was handed to, and every report
 * the API acknowledged. The truth the database is checked against afterwards.
 */
public final class Ledger {

    /** One acknowledged measurement. */
    public record Measurement(long trialId, long step, double loss) {
    }

    private final Map<Long, String> holders = new ConcurrentHashMap<>();
    private final AtomicInteger claims = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final Set<Measurement> measurements = ConcurrentHashMap.newKeySet();
    private final Map<Long, Double> completions = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger connectionFailures = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();

    /** Records that TRIAL was handed to WORKER; a trial another worker already held is a duplicate. */
    public void claimed(long trialId, String workerId) {
        claims.incrementAndGet();
        String earlier = holders.putIfAbsent(trialId, workerId);
        if (earlier != null && !earlier.equals(workerId)) {
            duplicates.incrementAndGet();
        }
    }

    public void measured(long trialId, long step, double loss) {
        measurements.add(new Measurement(trialId, step, loss));
    }

    public void completed(long trialId, double loss) {
        completions.put(trialId, loss);
    }

    public void answered(int status) {
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    public void unreachable() {
        connectionFailures.incrementAndGet();
    }

    /** A request the API refused although a correct worker sent it. */
    public void refused(String what) {
        refusals.add(what);
    }

    public int claims() {
        return claims.get();
    }

    /** Distinct trials handed out. */
    public Map<Long, String> holders() {
        return Map.copyOf(holders);
    }

    public int duplicates() {
        return duplicates.get();
    }

    public Set<Measurement> measurements() {
        return Set.copyOf(measurements);
    }

    public Map<Long, Double> completions() {
        return Map.copyOf(completions);
    }

    /** How often each HTTP status was answered, in status order. */
    public Map<Integer, Integer> statuses() {
        Map<Integer, Integer> copy = new TreeMap<>();
        statuses.forEach((status, count) -> copy.put(status, count.get()));
        return copy;
    }

    public int count(int status) {
        AtomicInteger count = statuses.get(status);
        return count == null ? 0 : count.get();
    }

    public int connectionFailures() {
        return connectionFailures.get();
    }

    public List<String> refusals() {
        return List.copyOf(refusals);
    }
}
