package dev.hpo.api.study;

/**
 * A study's search completed: its budget is spent, its duration is over or its search space is exhausted (not a
 * user's stop). Published once, after the change is committed, for what runs at the end of a search.
 *
 * @param studyId the study
 */
public record StudyCompleted(long studyId) {
}
