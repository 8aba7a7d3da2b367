package dev.hpo.api.dashboard;

import java.util.List;
import java.util.Map;

/**
 * All trials of a study, one array per field, ordered by trial number. Ten thousand trials as columns are a
 * fraction of the bytes and parse time of ten thousand objects, and the charts want columns anyway.
 * A null entry means the trial has no such value (not finished, not reported, parameter inactive). A trial's
 * position in these arrays is its row.
 *
 * @param finishedSeconds seconds from the study's start to the trial's end
 * @param wallSeconds the trial's reported {@code wallSeconds}, else its time from start to end
 * @param epochs distinct measurement steps the trial reported
 * @param progress how far the trial's latest attempt got, in the study's fidelity unit: its last measurement's step,
 *        or elapsed seconds
 * @param reason why a trial failed or was stopped, as recorded
 * @param feasible for a completed trial, whether its configuration meets every constraint as the study's ranking
 *        judges it
 * @param rank for a completed trial, where its configuration ranks among the completed ones, 1 for the best
 * @param confirmation whether the trial is a confirmation run: listed, but kept out of the charts as out of the
 *        ranking
 * @param metrics final metrics by name: the standard ones and every metric the study ranks or constrains by
 * @param parameters parameter values by name, for each parameter of the search space
 * @param artifacts the names of the files kept of the trial (its trained network) to download; null for none
 */
record TrialColumns(List<Long> id, List<Long> number, List<String> state, List<Double> finishedSeconds,
                    List<Double> wallSeconds, List<Integer> epochs, List<Double> progress, List<String> reason,
                    List<Boolean> feasible, List<Integer> rank, List<Boolean> confirmation,
                    Map<String, List<Double>> metrics,
                    Map<String, List<Object>> parameters, List<List<String>> artifacts) {
}
