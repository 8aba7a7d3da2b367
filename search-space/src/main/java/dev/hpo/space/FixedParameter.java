package dev.hpo.space;

import java.util.Objects;
import java.util.Optional;

/** A parameter held at one value: it appears in every configuration but takes no room in the search. */
public record FixedParameter(String name, Object value, Optional<Condition> condition) implements Parameter {

    public FixedParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(condition, "condition");
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new IllegalArgumentException(name + ": a fixed value must be a string, number or boolean");
        }
    }

    public static FixedParameter of(String name, Object value) {
        return new FixedParameter(name, value, Optional.empty());
    }

    @Override
    public boolean tunable() {
        return false;
    }

    @Override
    public double encode(Object value) {
        canonical(value);
        return 0.5;
    }

    @Override
    public Object decode(double unit) {
        return value;
    }

    @Override
    public Object canonical(Object given) {
        if (!Values.same(value, given)) {
            throw new IllegalArgumentException("is fixed at " + Values.describe(value) + ", got " + Values.describe(given));
        }
        return value;
    }
}
