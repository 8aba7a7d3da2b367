package dev.hpo.api.optimizer;

import dev.hpo.study.StudySpec;

/** Builds the sampler a study's spec asks for. */
public interface SamplerFactory {

    Sampler create(StudySpec spec);
}
