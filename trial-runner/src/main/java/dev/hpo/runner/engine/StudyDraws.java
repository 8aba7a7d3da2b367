package dev.hpo.runner.engine;

import dev.hpo.study.TrialPlans;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The data subsets a study drew: repeat {@code r} drew with {@link TrialPlans#subsetSeed}{@code (seed, r)}. A saved
 * network carries them, so that a prediction can use the images none of them took.
 *
 * @param seed the study's seed
 * @param repeats its repeats, at least 1
 */
public record StudyDraws(long seed, int repeats) {

    public StudyDraws {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
    }

    /** The subset seed of every repeat, in repeat order. */
    public List<Long> subsetSeeds() {
        return IntStream.range(0, repeats).mapToObj(r -> TrialPlans.subsetSeed(seed, r)).toList();
    }
}
