package dev.hpo.runner.worker;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** How one trial ended on this worker, and so what the worker reports for it. */
sealed interface TrialOutcome {

    /** The trial printed its final metrics, and named the files to keep of it, if any. */
    record Completed(Map<String, Double> metrics, List<Path> artifacts) implements TrialOutcome {
    }

    /** The trial could not finish: a crash, an error it reported, or the time cap. */
    record Failed(String reason) implements TrialOutcome {
    }

    /** The API asked the trial to stop (pruned, or its study stopped); its last measurement stands. */
    record StopRequested(Map<String, Double> lastMetrics) implements TrialOutcome {
    }

    /** The worker is shutting down; the trial goes back to its study. */
    record Abandoned() implements TrialOutcome {
    }

    /** The reason a trial killed at its hard cap is recorded with. */
    String TIME_CAP = "time cap";
}
