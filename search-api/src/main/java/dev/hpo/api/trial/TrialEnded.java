package dev.hpo.api.trial;

/**
 * Published once a worker's report ended a trial (completed, failed, pruned or stopped), after the change is stored:
 * what depends on a study's results, such as the artifacts it keeps, is settled again then.
 *
 * @param studyId the trial's study
 * @param trialId the trial that ended
 */
public record TrialEnded(long studyId, long trialId) {
}
