package dev.hpo.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hpo.study.Objective;

/**
 * A study's best configuration for its first objective: {@code GET /api/studies/{id}/best}.
 *
 * @param best absent before any trial completed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Best(long studyId, Objective objective, Candidate best) {
}
