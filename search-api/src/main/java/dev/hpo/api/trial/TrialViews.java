package dev.hpo.api.trial;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.trial.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Response bodies about trials. */
public final class TrialViews {

    private TrialViews() {
    }

    /**
     * A trial as clients see it. {@code measurements} appears only when one trial is asked for.
     *
     * @param configKey shared by the repeats of one configuration
     * @param repeat which repeat of its configuration this trial is, from 0
     * @param stopRequested PRUNED or STOPPED once the worker has been told to stop
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Trial(long id, long studyId, long number, long configKey, int repeat, TrialState state,
                        boolean enqueued, Map<String, Object> parameters, Map<String, Double> metrics,
                        String workerId, int attempts, String failureReason, TrialState stopRequested,
                        Instant createdAt, Instant startedAt, Instant finishedAt, Instant lastHeartbeatAt,
                        List<Measurement> measurements) {
    }

    public record Measurement(int attempt, long step, double elapsedSeconds, Map<String, Double> metrics,
                              Instant reportedAt) {
    }

    /**
     * A trial handed to a worker, with everything needed to run it.
     *
     * @param id the trial's id, used in every later report
     * @param repeat which repeat of its configuration: repeats train on distinct data subsets
     * @param attempt 1 for the first run, higher after a lost worker's trial was requeued
     * @param seed the study's seed, from which the data subset of each repeat is drawn
     * @param timeCapSeconds the wall-clock cap of the whole trial
     * @param heartbeatTimeoutSeconds a trial silent this long is taken from its worker
     * @param trialSettings the study's trial settings as written in its spec
     */
    public record Suggestion(long id, long studyId, long number, long configKey, int repeat, int attempt,
                             Map<String, Object> parameters, long seed, double timeCapSeconds,
                             double heartbeatTimeoutSeconds, JsonNode trialSettings) {
    }

    /** @param studyDone true once the study ended: no trial will ever be handed out again */
    public record Suggestions(List<Suggestion> trials, boolean studyDone) {
    }

    public record StopDecision(boolean shouldStop) {
    }

    public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
    }
}
