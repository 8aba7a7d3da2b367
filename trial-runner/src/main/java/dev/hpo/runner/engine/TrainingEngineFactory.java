package dev.hpo.runner.engine;

/**
 * Creates an engine for the settings a command was given. Engines join by listing their factory in
 * {@code META-INF/services/dev.hpo.runner.engine.TrainingEngineFactory}, without any change to the code that picks
 * them ({@link TrainingEngines}).
 */
public interface TrainingEngineFactory {

    /** The name users pick the engine by and the result reports, e.g. {@code dl4j}. */
    String name();

    /**
     * @throws IllegalArgumentException when the engine cannot train with these settings here (a device it cannot
     *     use, an interpreter without its framework), saying what to change
     */
    TrainingEngine create(EngineSettings settings);
}
