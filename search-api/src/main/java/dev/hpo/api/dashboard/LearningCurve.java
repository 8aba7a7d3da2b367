package dev.hpo.api.dashboard;

import java.util.List;

/**
 * One trial's validation curve for the learning-curves chart: its latest attempt's measurements of one metric.
 *
 * @param points {@code [elapsedSeconds, value, step]} in step order: the chart's axis is the study's fidelity unit
 */
record LearningCurve(long trialId, long number, String state, String metric, List<double[]> points) {

    LearningCurve {
        points = List.copyOf(points);
    }
}
