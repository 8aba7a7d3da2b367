package dev.hpo.api.optimizer;

import dev.hpo.api.optimizer.core.RandomSearch;
import dev.hpo.study.StudySpec;
import org.springframework.stereotype.Component;

/** Offers random search under the algorithm name {@code RANDOM}. */
@Component
class RandomSamplerProvider implements SamplerProvider {

    @Override
    public String algorithm() {
        return "RANDOM";
    }

    @Override
    public Sampler create(StudySpec spec) {
        // Random search with the optimizer's rules: no configuration twice, none known to break a cost constraint.
        return new AlgorithmSampler(new RandomSearch());
    }
}
