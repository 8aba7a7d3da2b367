package dev.hpo.study;

/** Which way an objective should move. */
public enum Goal {
    MAXIMIZE,
    MINIMIZE;

    /** True when {@code a} is strictly better than {@code b} under this goal. */
    public boolean better(double a, double b) {
        return this == MAXIMIZE ? a > b : a < b;
    }
}
