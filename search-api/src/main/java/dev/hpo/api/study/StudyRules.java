package dev.hpo.api.study;

import dev.hpo.study.StudySpec;

/** Budget arithmetic of a study, where repeats make each configuration a group of trials. */
public final class StudyRules {

    private StudyRules() {
    }

    /**
     * Trials the study may create: {@code maxTrials} rounded down to whole groups of repeats, so every
     * configuration gets all its repeats (at least one group).
     */
    public static long trialCapacity(StudySpec spec) {
        int repeats = spec.trialSettings().repeats();
        long groups = Math.max(1, spec.budget().maxTrials() / repeats);
        return groups * repeats;
    }

    /** Groups of repeats that still fit in the budget. */
    public static long remainingGroups(StudySpec spec, long trialsCreated) {
        return Math.max(0, trialCapacity(spec) - trialsCreated) / spec.trialSettings().repeats();
    }
}
