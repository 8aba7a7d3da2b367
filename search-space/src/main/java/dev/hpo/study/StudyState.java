package dev.hpo.study;

/** Where a study is in its life. Only a running study hands out trials. */
public enum StudyState {
    RUNNING,
    /** Its budget is spent: enough trials finished, its duration ran out, or its search space is exhausted. */
    COMPLETED,
    /** Stopped by a user before its budget was spent. */
    STOPPED;

    public boolean finished() {
        return this != RUNNING;
    }
}
