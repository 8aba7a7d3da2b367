package dev.hpo.runner.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The engines on the class path, found through {@link ServiceLoader}: an engine joins by listing its
 * {@link TrainingEngineFactory} in {@code META-INF/services/dev.hpo.runner.engine.TrainingEngineFactory}.
 */
public final class TrainingEngines {

    /** The engine used when none is named. */
    public static final String DEFAULT = "dl4j";

    private final Map<String, TrainingEngineFactory> byName;

    private TrainingEngines(Map<String, TrainingEngineFactory> byName) {
        this.byName = byName;
    }

    public static TrainingEngines discover() {
        Map<String, TrainingEngineFactory> found = new LinkedHashMap<>();
        for (TrainingEngineFactory factory : ServiceLoader.load(TrainingEngineFactory.class)) {
            found.putIfAbsent(factory.name(), factory);
        }
        return new TrainingEngines(found);
    }

    /**
     * The engine called {@code name}, created for {@code settings}.
     *
     * @throws IllegalArgumentException naming the available engines when there is none called {@code name}, or
     *     saying why the engine cannot train with these settings
     */
    public TrainingEngine create(String name, EngineSettings settings) {
        TrainingEngineFactory factory = byName.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown engine '" + name + "', available: "
                    + String.join(", ", byName.keySet()));
        }
        return factory.create(settings);
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }
}
