package dev.hpo.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * A measurement in a {@link StudyArchive}, of any attempt of its trial.
 *
 * @param trialNumber the number of its trial, which the archive holds
 * @param attempt the run of the trial that reported it, from 1 to the trial's attempts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArchivedMeasurement(Long trialNumber, Integer attempt, Long step, Double elapsedSeconds,
                                  Map<String, Double> metrics, Instant reportedAt) {
}
