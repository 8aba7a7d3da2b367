package dev.hpo.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.study.StudyState;
import dev.hpo.trial.TrialState;
import java.time.Instant;
import java.util.Map;

/**
 * A study with its progress. {@code spec} appears only when one study is asked for.
 *
 * @param trialCapacity trials the budget allows (maxTrials in whole groups of repeats)
 * @param trialCounts trials in each state
 * @param best the best configuration so far for the first objective; absent before any trial completed
 * @param spec the study spec as it was created
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StudyView(long id, String name, StudyState state, Instant createdAt, Instant finishedAt,
                        long trialsCreated, long trialCapacity, Map<TrialState, Long> trialCounts,
                        Candidate best, JsonNode spec) {
}
