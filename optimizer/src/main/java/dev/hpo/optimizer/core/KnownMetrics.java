package dev.hpo.optimizer.core;

import dev.hpo.space.Configuration;
import java.util.Map;
import java.util.Set;

/**
 * Metrics known from a configuration alone, before any training: a network's MACs and parameter count. The
 * optimizer never proposes a configuration whose known metrics break a constraint, and uses known objective
 * values exactly instead of predicting them.
 */
public interface KnownMetrics {

    /** The metric names {@link #of} returns. */
    Set<String> names();

    /**
     * The known metrics of a configuration; may be empty when the configuration does not determine them.
     */
    Map<String, Double> of(Configuration configuration);

    static KnownMetrics none() {
        return new KnownMetrics() {
            @Override
            public Set<String> names() {
                return Set.of();
            }

            @Override
            public Map<String, Double> of(Configuration configuration) {
                return Map.of();
            }
        };
    }
}
