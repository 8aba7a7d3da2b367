package dev.hpo.runner.worker;

import dev.hpo.protocol.MeasurementReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a trial process says on its standard output, one JSON object per line:
 * <ul>
 *   <li>{@code {"started": true}}: setup is done and training begins; the time cap counts from here
 *       (optional: without it, the cap counts from the start of the process);</li>
 *   <li>{@code {"step": 3, "elapsedSeconds": 12.5, "metrics": {"accuracy": 0.81}}}: a measurement;</li>
 *   <li>{@code {"metrics": {"accuracy": 0.9, "macs": 1.2e7}}}: the final result; it may name files to keep of the
 *       trial, {@code "artifacts": ["/tmp/run/network.zip"]}, which the worker uploads before it completes the trial
 *       when the study keeps artifacts;</li>
 *   <li>{@code {"failed": true, "reason": "loss diverged"}}: the trial could not be trained.</li>
 * </ul>
 * Any other line is logged and otherwise ignored, so scripts may print what they like.
 */
sealed interface TrialEvent {

    record Started() implements TrialEvent {
    }

    record Measured(MeasurementReport measurement) implements TrialEvent {
    }

    record Finished(Map<String, Double> metrics, List<Path> artifacts) implements TrialEvent {

        public Finished {
            metrics = Map.copyOf(metrics);
            artifacts = List.copyOf(artifacts);
        }
    }

    record Failed(String reason) implements TrialEvent {
    }
}
