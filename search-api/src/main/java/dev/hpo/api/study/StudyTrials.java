package dev.hpo.api.study;

import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the study side needs of a study's trials: counting them, ranking them and stopping them when the study ends.
 * The trial store provides it; the study package names only this, so studies and trials do not depend on each
 * other both ways.
 */
public interface StudyTrials {

    /** Every trial of the study in number order, without measurements. */
    List<Trial> trials(long studyId);

    /** How many trials the study has in each state, every state listed. */
    Map<TrialState, Long> counts(long studyId);

    /** True while a trial of the study waits or runs. */
    boolean anyActive(long studyId);

    /**
     * Stops the study's waiting trials and tells the workers of its running trials to stop; called in the
     * transaction that ends the study.
     */
    void endStudy(long studyId, Instant at);
}
