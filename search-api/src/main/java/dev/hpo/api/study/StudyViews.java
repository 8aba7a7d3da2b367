package dev.hpo.api.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.study.Objective;
import dev.hpo.study.StudyState;
import dev.hpo.trial.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Response bodies about studies. */
public final class StudyViews {

    private StudyViews() {
    }

    /**
     * A study with its progress. {@code spec} appears only when one study is asked for.
     *
     * @param trialCounts trials in each state
     * @param trialCapacity trials the budget allows (maxTrials in whole groups of repeats)
     * @param best the best configuration so far for the first objective; absent before any trial completed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Study(long id, String name, StudyState state, Instant createdAt, Instant finishedAt,
                        long trialsCreated, long trialCapacity, Map<TrialState, Long> trialCounts,
                        Candidate best, JsonNode spec) {
    }

    /** @param best absent before any trial completed */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Best(long studyId, Objective objective, Candidate best) {
    }

    /** @param front feasible configurations no other feasible one beats on both objectives */
    public record Pareto(long studyId, List<Objective> objectives, List<Candidate> front) {
    }
}
