package dev.hpo.runner.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * What a command tells the engine it creates, beyond the trial itself.
 *
 * @param device where to train
 * @param python the interpreter of an engine that trains in Python; empty for the engine's own choice
 */
public record EngineSettings(Device device, Optional<String> python) {

    public EngineSettings {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(python, "python");
        python = python.filter(p -> !p.isBlank());
    }

    /** The CPU, and the engine's own choice of everything else. */
    public static EngineSettings defaults() {
        return new EngineSettings(Device.cpu(), Optional.empty());
    }
}
