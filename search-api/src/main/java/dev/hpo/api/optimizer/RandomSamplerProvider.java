package dev.hpo.api.optimizer;

import dev.hpo.study.StudySpec;
import org.springframework.stereotype.Component;

/** Offers {@link RandomSampler} under the algorithm name {@code RANDOM}. */
@Component
class RandomSamplerProvider implements SamplerProvider {

    @Override
    public String algorithm() {
        return "RANDOM";
    }

    @Override
    public Sampler create(StudySpec spec) {
        return new RandomSampler();
    }
}
