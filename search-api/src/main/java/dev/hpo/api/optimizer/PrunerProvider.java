package dev.hpo.api.optimizer;

import dev.hpo.study.StudySpec;

/** One early-stopping rule a study may name; every provider bean is offered by {@link RulePrunerFactory}. */
public interface PrunerProvider {

    /** The rule name a spec uses, e.g. {@code MEDIAN}; compared ignoring case. */
    String rule();

    Pruner create(StudySpec spec);
}
