package dev.hpo.api.optimizer;

import dev.hpo.study.StudySpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Chooses a study's pruner by the early-stopping rule its spec names, among the {@link PrunerProvider} beans.
 * Rule {@code NONE}, or a rule no provider offers, lets every trial run to its end.
 */
@Component
class RulePrunerFactory implements PrunerFactory {

    private final Map<String, PrunerProvider> providers;

    RulePrunerFactory(List<PrunerProvider> providers) {
        this.providers = providers.stream().collect(Collectors.toUnmodifiableMap(
                p -> p.rule().toUpperCase(Locale.ROOT), Function.identity()));
    }

    @Override
    public Pruner create(StudySpec spec) {
        String rule = String.valueOf(spec.algorithm().earlyStopping().rule()).toUpperCase(Locale.ROOT);
        PrunerProvider provider = providers.get(rule);
        return provider != null ? provider.create(spec) : Pruner.NEVER;
    }
}
