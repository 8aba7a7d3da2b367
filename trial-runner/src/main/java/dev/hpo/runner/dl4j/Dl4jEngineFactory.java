package dev.hpo.runner.dl4j;

import dev.hpo.runner.engine.EngineSettings;
import dev.hpo.runner.engine.TrainingEngine;
import dev.hpo.runner.engine.TrainingEngineFactory;

/**
 * Creates the DL4J engine. Its device is chosen when it is built: ND4J's CPU backend by default, the CUDA 11.6
 * backend with {@code mvn -Dcuda}; a GPU is refused when this build has no CUDA backend, instead of training on the
 * CPU unasked.
 */
public final class Dl4jEngineFactory implements TrainingEngineFactory {

    private static final String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";

    @Override
    public String name() {
        return Dl4jEngine.NAME;
    }

    @Override
    public TrainingEngine create(EngineSettings settings) {
        if (settings.device().isGpu() && !hasCudaBackend()) {
            throw new IllegalArgumentException("the dl4j engine of this build trains on the CPU only, not on "
                    + settings.device() + ": use --engine pytorch for a GPU, or build the trainer with mvn -Dcuda"
                    + " (CUDA 11.6, pre-Hopper GPUs)");
        }
        return new Dl4jEngine();
    }

    private static boolean hasCudaBackend() {
        try {
            Class.forName(CUDA_BACKEND, false, Dl4jEngineFactory.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
