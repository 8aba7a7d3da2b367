package dev.hpo.api.optimizer;

import dev.hpo.space.Configuration;
import dev.hpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random search: uniform points of the unit cube, decoded by the search space (so log-scale parameters are
 * log-uniform). The draws depend only on the study seed and how many trials the history holds, which makes the
 * sampler deterministic for a history and lets a restarted service continue the same sequence.
 */
public final class RandomSampler implements Sampler {

    /** Draws per wanted configuration before giving up on finding one not tried yet (small discrete spaces). */
    private static final int ATTEMPTS_PER_PROPOSAL = 64;

    @Override
    public List<Configuration> propose(StudyHistory history, int count) {
        SearchSpace space = history.spec().searchSpace();
        SplittableRandom random = new SplittableRandom(mix(history.spec().seed(), history.trials().size()));
        Set<Configuration> seen = new HashSet<>();
        history.trials().forEach(t -> seen.add(t.parameters()));
        List<Configuration> proposals = new ArrayList<>(count);
        for (int attempt = 0; proposals.size() < count && attempt < count * ATTEMPTS_PER_PROPOSAL; attempt++) {
            double[] point = new double[space.dimensions()];
            for (int i = 0; i < point.length; i++) {
                point[i] = random.nextDouble();
            }
            Configuration candidate = space.decode(point);
            // A continuous space never repeats; a small discrete one would without this check.
            if (seen.add(candidate)) {
                proposals.add(candidate);
            }
        }
        return proposals;
    }

    /** Spreads consecutive history sizes over unrelated streams (the SplitMix64 finaliser). */
    private static long mix(long seed, int historySize) {
        long z = seed + 0x9E3779B97F4A7C15L * (historySize + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
