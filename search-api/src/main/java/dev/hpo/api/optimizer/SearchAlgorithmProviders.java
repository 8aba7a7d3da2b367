package dev.hpo.api.optimizer;

import dev.hpo.api.optimizer.core.RandomSearch;
import dev.hpo.api.optimizer.evolution.EvolutionSearch;
import dev.hpo.api.optimizer.evolution.Nsga2Search;
import dev.hpo.api.optimizer.grid.GridSearch;
import dev.hpo.study.StudySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The search algorithms a study may name, offered to {@link AlgorithmSamplerFactory}. */
@Configuration(proxyBeanMethods = false)
class SearchAlgorithmProviders {

    @Bean
    SamplerProvider evolutionSampler() {
        return provider("EVOLUTION", new AlgorithmSampler(new EvolutionSearch()));
    }

    @Bean
    SamplerProvider nsga2Sampler() {
        return provider("NSGA2", new AlgorithmSampler(new Nsga2Search()));
    }

    /** Random search with the optimizer's rules: no configuration twice, none known to break a cost constraint. */
    @Bean
    SamplerProvider randomSampler() {
        return provider("RANDOM", new AlgorithmSampler(new RandomSearch()));
    }

    @Bean
    SamplerProvider gridSampler() {
        return provider("GRID", new AlgorithmSampler(new GridSearch()));
    }

    private static SamplerProvider provider(String algorithm, Sampler sampler) {
        return new SamplerProvider() {
            @Override
            public String algorithm() {
                return algorithm;
            }

            @Override
            public Sampler create(StudySpec spec) {
                return sampler;
            }
        };
    }
}
