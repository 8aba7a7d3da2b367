package dev.hpo.study;

/** What a study counts a trial's progress in. */
public enum FidelityUnit {
    /** Wall-clock seconds since the trial started ({@code elapsedSeconds}); the budget is the time cap. */
    SECONDS,
    /** Whatever the trial counts in a measurement's {@code step}: epochs, mini-batches; the budget is given. */
    STEPS
}
