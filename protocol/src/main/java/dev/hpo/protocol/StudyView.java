package dev.hpo.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.study.Fidelity;
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
 * @param fidelity what its trials' progress is counted in, and the budget of one trial
 * @param spec the study spec with every default spelled out, as {@code StudySpecWriter} writes it: the values in
 *        force, such as an early-stopping rule's {@code minFraction}, whether or not the spec as sent gave them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StudyView(long id, String name, StudyState state, Instant createdAt, Instant finishedAt,
                        long trialsCreated, long trialCapacity, Map<TrialState, Long> trialCounts,
                        Candidate best, Fidelity fidelity, JsonNode spec) {
}
