package dev.hpo.api.dashboard;

import dev.hpo.trial.Measurement;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.util.ArrayList;
import java.util.List;

/**
 * One trial's validation curve for the learning-curves chart: its latest attempt's measurements of one metric.
 *
 * @param points {@code [elapsedSeconds, value, step]} in step order: the chart's axis is the study's fidelity unit
 */
record LearningCurve(long trialId, long number, TrialState state, String metric, List<double[]> points) {

    LearningCurve {
        points = List.copyOf(points);
    }

    /** The curve of a trial read with its measurements; steps that did not report the metric are left out. */
    static LearningCurve of(Trial trial, String metric) {
        List<double[]> points = new ArrayList<>();
        for (Measurement m : trial.measurements()) {
            Double value = m.metrics().get(metric);
            if (value != null) {
                points.add(new double[] {m.elapsedSeconds(), value, m.step()});
            }
        }
        return new LearningCurve(trial.id(), trial.number(), trial.state(), metric, points);
    }
}
