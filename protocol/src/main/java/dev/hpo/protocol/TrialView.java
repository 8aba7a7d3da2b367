package dev.hpo.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hpo.trial.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A trial as clients see it. {@code measurements} appears only when one trial is asked for.
 *
 * @param configKey shared by the repeats of one configuration
 * @param repeat which repeat of its configuration this trial is, from 0 (for a confirmation run, which run)
 * @param confirmation true for a confirmation run of the configuration {@code configKey}, kept out of the search
 * @param stopRequested PRUNED or STOPPED once the worker has been told to stop
 * @param engine what trained its latest attempt, as its worker named it; absent when the worker did not say
 * @param progress how far its latest attempt got, in the study's fidelity unit (steps, or elapsed seconds): its
 *        last measurement's; absent before any, and in the answers to workers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialView(long id, long studyId, long number, long configKey, int repeat, TrialState state,
                        boolean enqueued, boolean confirmation, Map<String, Object> parameters, Map<String, Double> metrics,
                        String workerId, String engine, int attempts, String failureReason, TrialState stopRequested,
                        Instant createdAt, Instant startedAt, Instant finishedAt, Instant lastHeartbeatAt,
                        Double progress, List<MeasurementView> measurements) {
}
