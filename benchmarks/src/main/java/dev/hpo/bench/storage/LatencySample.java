package dev.hpo.bench.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Latencies of one kind of request, in milliseconds, added by several clients at once. */
final class LatencySample {

    private final List<Double> millis = new ArrayList<>();

    synchronized void add(double ms) {
        millis.add(ms);
    }

    synchronized double median() {
        return percentile(0.5);
    }

    /** Count, median, p90 and p99, to a hundredth of a millisecond. */
    synchronized ObjectNode summary() {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("count", millis.size());
        node.put("p50", round(percentile(0.5)));
        node.put("p90", round(percentile(0.9)));
        node.put("p99", round(percentile(0.99)));
        return node;
    }

    private double percentile(double q) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
