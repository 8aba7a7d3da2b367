package dev.hpo.api.optimizer;

import dev.hpo.api.optimizer.core.RandomSearch;
import dev.hpo.study.StudySpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Chooses a study's sampler by the algorithm its spec names, among the {@link SamplerProvider} beans. A study
 * naming an algorithm no provider offers gets random search, the one algorithm every space supports.
 */
@Component
class AlgorithmSamplerFactory implements SamplerFactory {

    private final Map<String, SamplerProvider> providers;

    AlgorithmSamplerFactory(List<SamplerProvider> providers) {
        this.providers = providers.stream().collect(Collectors.toUnmodifiableMap(
                p -> p.algorithm().toUpperCase(Locale.ROOT), Function.identity()));
    }

    @Override
    public Sampler create(StudySpec spec) {
        String algorithm = String.valueOf(spec.algorithm().name()).toUpperCase(Locale.ROOT);
        SamplerProvider provider = providers.get(algorithm);
        return provider != null ? provider.create(spec) : new AlgorithmSampler(new RandomSearch());
    }
}
