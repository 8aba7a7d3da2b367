package dev.hpo.bench.trainer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hpo.runner.engine.EngineSettings;
import dev.hpo.runner.torch.PyTorchEngine;
import dev.hpo.runner.torch.PyTorchEngineFactory;

/**
 * The PyTorch engine these tests measure, found once: tests that need torch are skipped, saying why, only where no
 * interpreter has it (the test script installs Debian's python3-torch).
 */
final class Torch {

    private static PyTorchEngine engine;
    private static String missing;

    private Torch() {
    }

    static synchronized PyTorchEngine engine() {
        if (engine == null && missing == null) {
            try {
                engine = new PyTorchEngineFactory().create(EngineSettings.defaults());
            } catch (IllegalArgumentException e) {
                missing = e.getMessage();
            }
        }
        assumeTrue(engine != null, () -> "no Python with torch here: " + missing);
        return engine;
    }
}
