package dev.hpo.space;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Values of the active parameters of a search space, in declaration order. Inactive conditional parameters
 * are absent.
 */
public record Configuration(Map<String, Object> values) {

    public Configuration {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Configuration of(Map<String, Object> values) {
        return new Configuration(values);
    }

    public Optional<Object> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }
}
