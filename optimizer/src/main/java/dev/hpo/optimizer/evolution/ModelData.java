package dev.hpo.optimizer.evolution;

import dev.hpo.optimizer.core.EvaluatedConfiguration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which finished configurations a surrogate is fitted to. A Gaussian process costs the cube of its points, and a
 * proposal holds the study's lock, so past {@link #MAX_POINTS} the surrogate keeps the best half by standing
 * (where the search is heading) and the most recent of the rest (where it has just been).
 */
final class ModelData {

    static final int MAX_POINTS = 200;

    private ModelData() {
    }

    static List<EvaluatedConfiguration> select(List<EvaluatedConfiguration> finished) {
        if (finished.size() <= MAX_POINTS) {
            return finished;
        }
        List<EvaluatedConfiguration> byStanding = new ArrayList<>(finished);
        byStanding.sort(Comparator.comparing(EvaluatedConfiguration::standing).reversed()
                .thenComparingLong(EvaluatedConfiguration::firstTrial));
        List<EvaluatedConfiguration> kept = new ArrayList<>(byStanding.subList(0, MAX_POINTS / 2));
        List<EvaluatedConfiguration> rest = new ArrayList<>(byStanding.subList(MAX_POINTS / 2, byStanding.size()));
        rest.sort(Comparator.comparingLong(EvaluatedConfiguration::firstTrial).reversed());
        kept.addAll(rest.subList(0, MAX_POINTS - kept.size()));
        kept.sort(Comparator.comparingLong(EvaluatedConfiguration::firstTrial));
        return kept;
    }
}
