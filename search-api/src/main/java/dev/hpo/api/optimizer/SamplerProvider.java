package dev.hpo.api.optimizer;

import dev.hpo.study.StudySpec;

/**
 * One algorithm a study may name. Every provider declared as a Spring bean is offered by
 * {@link AlgorithmSamplerFactory}, so adding an algorithm is adding a provider.
 */
public interface SamplerProvider {

    /** The algorithm name a spec uses, e.g. {@code RANDOM}; compared ignoring case. */
    String algorithm();

    Sampler create(StudySpec spec);
}
