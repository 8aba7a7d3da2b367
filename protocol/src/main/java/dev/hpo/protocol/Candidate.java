package dev.hpo.protocol;

import java.util.List;
import java.util.Map;

/**
 * A configuration with its results: the mean of each metric over its complete repeats and the spread (sample
 * standard deviation, 0 for a single run).
 *
 * @param configKey identifies the configuration's group of repeats within the study
 * @param trialIds the complete trials the means are taken over
 * @param feasible whether the means meet every constraint
 * @param violation how far the means lie outside the constraints, summed; 0 when feasible
 */
public record Candidate(long configKey, Map<String, Object> parameters, List<Long> trialIds,
                        Map<String, Double> metrics, Map<String, Double> spread, boolean feasible,
                        double violation) {
}
