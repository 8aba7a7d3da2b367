package dev.hpo.space;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One of a list of values: strings, numbers or booleans. Value {@code i} of {@code n} owns the slice
 * {@code [i/n, (i+1)/n)} of the unit interval and encodes to its middle.
 */
public record CategoricalParameter(String name, List<Object> values, Optional<Condition> condition)
        implements Parameter {

    public CategoricalParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(condition, "condition");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(name + ": needs at least one value");
        }
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                throw new IllegalArgumentException(name + ": values must be strings, numbers or booleans");
            }
            for (int j = 0; j < i; j++) {
                if (Values.same(values.get(j), v)) {
                    throw new IllegalArgumentException(name + ": value " + Values.describe(v) + " appears twice");
                }
            }
        }
    }

    public static CategoricalParameter of(String name, Object... values) {
        return new CategoricalParameter(name, List.of(values), Optional.empty());
    }

    public CategoricalParameter when(Condition condition) {
        return new CategoricalParameter(name, values, Optional.of(condition));
    }

    /** Position of a value in {@link #values()}, or -1. */
    public int indexOf(Object value) {
        for (int i = 0; i < values.size(); i++) {
            if (Values.same(values.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public double encode(Object value) {
        int index = indexOf(value);
        if (index < 0) {
            throw new IllegalArgumentException(notAValue(value));
        }
        return (index + 0.5) / values.size();
    }

    @Override
    public Object decode(double unit) {
        int index = (int) Math.floor(Parameter.clampUnit(unit) * values.size());
        return values.get(Math.min(values.size() - 1, index));
    }

    @Override
    public Object canonical(Object value) {
        int index = indexOf(value);
        if (index < 0) {
            throw new IllegalArgumentException(notAValue(value));
        }
        return values.get(index);
    }

    private String notAValue(Object value) {
        return "must be one of " + values.stream().map(Values::describe).toList() + ", got " + Values.describe(value);
    }
}
