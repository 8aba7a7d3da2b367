package dev.hpo.protocol;

import dev.hpo.study.Objective;
import java.util.List;

/**
 * A two-objective study's Pareto front: {@code GET /api/studies/{id}/pareto}.
 *
 * @param front feasible configurations no other feasible one beats on both objectives
 */
public record Pareto(long studyId, List<Objective> objectives, List<Candidate> front) {
}
