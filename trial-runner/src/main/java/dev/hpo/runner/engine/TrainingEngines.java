package dev.hpo.runner.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The engines on the class path, found through {@link ServiceLoader}: an engine joins by listing its class in
 * {@code META-INF/services/dev.hpo.runner.engine.TrainingEngine}, without any change to the code that picks it.
 */
public final class TrainingEngines {

    /** The engine used when none is named. */
    public static final String DEFAULT = "dl4j";

    private final Map<String, TrainingEngine> byName;

    private TrainingEngines(Map<String, TrainingEngine> byName) {
        this.byName = byName;
    }

    public static TrainingEngines discover() {
        Map<String, TrainingEngine> found = new LinkedHashMap<>();
        for (TrainingEngine engine : ServiceLoader.load(TrainingEngine.class)) {
            found.putIfAbsent(engine.name(), engine);
        }
        return new TrainingEngines(found);
    }

    /**
     * @throws IllegalArgumentException naming the available engines when there is none called {@code name}
     */
    public TrainingEngine byName(String name) {
        TrainingEngine engine = byName.get(name);
        if (engine == null) {
            throw new IllegalArgumentException("unknown engine '" + name + "', available: "
                    + String.join(", ", byName.keySet()));
        }
        return engine;
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }
}
