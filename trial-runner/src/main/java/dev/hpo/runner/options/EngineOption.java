package dev.hpo.runner.options;

import dev.hpo.runner.engine.TrainingEngine;
import dev.hpo.runner.engine.TrainingEngines;
import picocli.CommandLine.Option;

/** Which training engine runs the trial, by the name it registers under. */
public final class EngineOption {

    @Option(names = "--engine", defaultValue = TrainingEngines.DEFAULT,
            description = "Training engine (default ${DEFAULT-VALUE}).")
    String engine = TrainingEngines.DEFAULT;

    /** @throws IllegalArgumentException naming the available engines when none has this name */
    public TrainingEngine engine() {
        return TrainingEngines.discover().byName(engine);
    }
}
