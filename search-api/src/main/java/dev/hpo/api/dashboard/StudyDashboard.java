package dev.hpo.api.dashboard;

import java.util.Objects;

/**
 * Everything the study page draws, in one document: the study, all of its trials column by column, and what the
 * study's ranking says of them.
 */
record StudyDashboard(StudyOverview study, TrialColumns trials, Ranking ranking) {

    StudyDashboard {
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(trials, "trials");
        Objects.requireNonNull(ranking, "ranking");
    }
}
