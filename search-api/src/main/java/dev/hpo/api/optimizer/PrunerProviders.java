package dev.hpo.api.optimizer;

import dev.hpo.api.optimizer.pruning.AshaPruner;
import dev.hpo.api.optimizer.pruning.MedianPruner;
import dev.hpo.study.StudySpec;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The early-stopping rules a study may name, offered to {@link RulePrunerFactory}. */
@Configuration(proxyBeanMethods = false)
class PrunerProviders {

    @Bean
    PrunerProvider medianPruner() {
        return provider("MEDIAN", spec -> MedianPruner.of(spec.trialSettings().timeCap(),
                spec.algorithm().earlyStopping()));
    }

    @Bean
    PrunerProvider ashaPruner() {
        return provider("ASHA", spec -> AshaPruner.of(spec.trialSettings().timeCap(),
                spec.algorithm().earlyStopping()));
    }

    private static PrunerProvider provider(String rule, Function<StudySpec, Pruner> create) {
        return new PrunerProvider() {
            @Override
            public String rule() {
                return rule;
            }

            @Override
            public Pruner create(StudySpec spec) {
                return create.apply(spec);
            }
        };
    }
}
