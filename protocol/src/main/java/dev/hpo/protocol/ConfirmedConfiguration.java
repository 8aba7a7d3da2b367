package dev.hpo.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One configuration's confirmation: what the search measured, and what its confirmation runs measured on fresh
 * subsets and held-out images.
 *
 * @param configKey the configuration's key in the study (the number of its first search trial)
 * @param parameters the configuration
 * @param searchRank where the search ranked it, 1 for its best; absent when it has no standing
 * @param searchMetrics the means the search measured, over its repeats
 * @param runs confirmation runs asked for
 * @param completed runs that completed; only these are summarised
 * @param failed runs that failed
 * @param stopped runs stopped before they completed (the study was stopped)
 * @param metrics each metric the completed runs reported: mean, spread and 95% interval
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfirmedConfiguration(long configKey, Map<String, Object> parameters, Integer searchRank,
                                     Map<String, Double> searchMetrics, int runs, int completed, int failed, int stopped,
                                     Map<String, MetricInterval> metrics) {
}
