package dev.hpo.runner.torch;

import dev.hpo.runner.engine.EngineSettings;
import dev.hpo.runner.engine.TrainingEngineFactory;
import java.nio.file.Path;

/** Creates the PyTorch engine: unpacks its Python package and finds an interpreter with torch. */
public final class PyTorchEngineFactory implements TrainingEngineFactory {

    @Override
    public String name() {
        return PyTorchEngine.NAME;
    }

    /** @throws IllegalArgumentException when no interpreter with torch is found, naming those tried */
    @Override
    public PyTorchEngine create(EngineSettings settings) {
        Path sources = EngineSources.unpack();
        return new PyTorchEngine(TorchPython.locate(settings.python(), sources), sources, settings.device());
    }
}
