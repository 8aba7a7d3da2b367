package dev.hpo.runner.options;

import dev.hpo.runner.engine.Device;
import dev.hpo.runner.engine.EngineSettings;
import dev.hpo.runner.engine.TrainingEngine;
import dev.hpo.runner.engine.TrainingEngines;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which training engine runs the trial, by the name it registers under, on which device. */
public final class EngineOption {

    @Option(names = "--engine", defaultValue = TrainingEngines.DEFAULT,
            description = "Training engine: dl4j or pytorch (default ${DEFAULT-VALUE}).")
    String engine = TrainingEngines.DEFAULT;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu or cuda:N (default ${DEFAULT-VALUE}).")
    String device = "cpu";

    @Option(names = "--python", defaultValue = "${env:HPO_PYTHON}", paramLabel = "PATH",
            description = "The pytorch engine's Python interpreter (default: $HPO_PYTHON, else python3 or"
                    + " /usr/bin/python3, whichever has torch).")
    String python;

    /**
     * The named engine, created for the device and interpreter asked for.
     *
     * @throws IllegalArgumentException naming the available engines when none has this name, or saying why the
     *     engine cannot train here
     */
    public TrainingEngine engine() {
        return TrainingEngines.discover().create(engine, settings());
    }

    /** @throws IllegalArgumentException for a device that is not cpu or cuda:N */
    public EngineSettings settings() {
        return new EngineSettings(Device.parse(device), Optional.ofNullable(python));
    }
}
