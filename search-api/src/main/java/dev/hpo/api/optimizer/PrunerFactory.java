package dev.hpo.api.optimizer;

import dev.hpo.study.StudySpec;

/** Builds the pruner a study's early-stopping rule asks for. */
public interface PrunerFactory {

    Pruner create(StudySpec spec);
}
