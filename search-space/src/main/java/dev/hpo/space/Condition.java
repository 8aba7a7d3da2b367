package dev.hpo.space;

import java.util.List;
import java.util.Objects;

/**
 * Makes a parameter active only while a categorical parent takes one of some values, e.g. {@code samRho} only
 * while {@code sam} is {@code "on"}. An inactive parameter is left out of the configuration.
 *
 * @param parent name of a categorical parameter declared in the same search space
 * @param values the parent's values that activate the parameter, not empty
 */
public record Condition(String parent, List<Object> values) {

    public Condition {
        Objects.requireNonNull(parent, "parent");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a condition needs at least one parent value");
        }
    }

    public boolean holdsFor(Object parentValue) {
        return parentValue != null && values.stream().anyMatch(v -> Values.same(v, parentValue));
    }
}
