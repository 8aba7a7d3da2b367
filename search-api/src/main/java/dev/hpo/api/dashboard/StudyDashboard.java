package dev.hpo.api.dashboard;

import java.util.Objects;

/**
 * Everything the study page draws, in one document: the study and all of its trials, column by column.
 */
record StudyDashboard(StudyOverview study, TrialColumns trials) {

    StudyDashboard {
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(trials, "trials");
    }
}
