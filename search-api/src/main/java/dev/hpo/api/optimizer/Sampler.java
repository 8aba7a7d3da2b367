package dev.hpo.api.optimizer;

import dev.hpo.space.Configuration;
import java.util.List;

/**
 * Proposes configurations for a study. Implementations are pure (no Spring, no JPA) and deterministic for the
 * history they are given, so a restarted service continues a search exactly where it was.
 */
public interface Sampler {

    /**
     * Up to {@code count} new configurations, given everything known about the study so far. Fewer (or none)
     * when the algorithm has nothing left to propose, e.g. an exhausted grid.
     */
    List<Configuration> propose(StudyHistory history, int count);
}
