package dev.hpo.study;

/**
 * How a study's result is confirmed once its search has ended: its best {@code top} configurations, by the study's
 * own ranking, are trained again {@code repeats} times each at the full budget, on fresh data subsets, and scored on
 * images the search never used. A score from one subset can be a lucky draw; the mean over several, with its
 * spread, is what a result can be published with.
 *
 * @param top configurations confirmed, from 1 to {@link #MAX_TOP}
 * @param repeats runs of each, from 2 (one run has no spread) to {@link #MAX_REPEATS}
 */
public record Confirmation(int top, int repeats) {

    public static final int MAX_TOP = 100;
    public static final int MAX_REPEATS = 100;

    public Confirmation {
        if (top < 1 || top > MAX_TOP) {
            throw new IllegalArgumentException("top must be in [1, " + MAX_TOP + "], got " + top);
        }
        if (repeats < 2 || repeats > MAX_REPEATS) {
            throw new IllegalArgumentException("repeats must be in [2, " + MAX_REPEATS + "], got " + repeats);
        }
    }
}
