package dev.hpo.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hpo.trial.TrialState;
import java.time.Instant;
import java.util.Map;

/**
 * A trial in a {@link StudyArchive}: everything the study stored of it but its measurements, which the archive
 * lists apart. Fields mean what they mean in {@link TrialView}.
 *
 * @param id its id where it was exported; ignored on import
 * @param number its number in the study, unique in the archive; measurements and artifacts refer to it
 * @param configKey the number of the first trial of its configuration
 * @param confirmation true for a confirmation run (format 2; absent in format 1, where it is false)
 * @param state how it ended: COMPLETE, FAILED, PRUNED or STOPPED
 * @param stopRequested PRUNED or STOPPED when its worker had been told to stop; absent otherwise
 * @param attempts the runs it had; its measurements belong to attempts 1 to this
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArchivedTrial(Long id, Long number, Long configKey, Integer repeat, Boolean enqueued,
                            Boolean confirmation, TrialState state,
                            TrialState stopRequested, Map<String, Object> parameters, Map<String, Double> metrics,
                            String workerId, String engine, Integer attempts, String failureReason,
                            Instant createdAt, Instant startedAt, Instant finishedAt, Instant lastHeartbeatAt) {
}
