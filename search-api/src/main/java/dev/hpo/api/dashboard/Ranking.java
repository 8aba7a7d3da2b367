package dev.hpo.api.dashboard;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the study's ranking, the optimizer's one behind {@code GET /api/studies/{id}/best} and {@code /pareto},
 * says of the study, by row of the {@link TrialColumns}: the page draws these and computes none of them.
 *
 * @param best the best configuration, or null (left out of the JSON) while no configuration completed with the
 *        first objective
 * @param bestSoFarByNumber rows of the steps of the best-so-far curve, trials taken in number order
 * @param bestSoFarByTime the same, trials taken in the order they finished
 * @param paretoFront the rows of the Pareto front's configurations (each by its first completed trial), best first
 *        by the first objective; null (left out of the JSON) for a study with one objective, which has no front
 */
record Ranking(Best best, List<Integer> bestSoFarByNumber, List<Integer> bestSoFarByTime, List<Integer> paretoFront) {

    Ranking {
        bestSoFarByNumber = List.copyOf(bestSoFarByNumber);
        bestSoFarByTime = List.copyOf(bestSoFarByTime);
        paretoFront = paretoFront == null ? null : List.copyOf(paretoFront);
    }

    /**
     * The best configuration as the header shows it.
     *
     * @param row the row of its first completed trial
     * @param metrics its metrics, means over its completed repeats
     * @param feasible false while no configuration meets the constraints and this is the one closest to them
     */
    record Best(int row, long number, Map<String, Double> metrics, boolean feasible) {

        Best {
            metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
        }
    }
}
