package dev.hpo.space;

import java.util.Objects;
import java.util.Optional;

/**
 * A real number in {@code [min, max]}, searched on a linear or log scale.
 *
 * @throws IllegalArgumentException when a bound is not finite, {@code min >= max}, or a log scale has a
 *         non-positive bound
 */
public record FloatParameter(String name, double min, double max, Scale scale, Optional<Condition> condition)
        implements Parameter {

    public FloatParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(condition, "condition");
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException(name + ": bounds must be finite numbers");
        }
        if (!(max > min)) {
            throw new IllegalArgumentException(name + ": max must be greater than min (" + min + ")");
        }
        if (scale == Scale.LOG && min <= 0) {
            throw new IllegalArgumentException(name + ": log scale needs min > 0, got " + min);
        }
    }

    public static FloatParameter linear(String name, double min, double max) {
        return new FloatParameter(name, min, max, Scale.LINEAR, Optional.empty());
    }

    public static FloatParameter log(String name, double min, double max) {
        return new FloatParameter(name, min, max, Scale.LOG, Optional.empty());
    }

    public FloatParameter when(Condition condition) {
        return new FloatParameter(name, min, max, scale, Optional.of(condition));
    }

    @Override
    public double encode(Object value) {
        double x = (Double) canonical(value);
        double unit = scale == Scale.LOG
                ? (Math.log(x) - Math.log(min)) / (Math.log(max) - Math.log(min))
                : (x - min) / (max - min);
        return Parameter.clampUnit(unit);
    }

    @Override
    public Object decode(double unit) {
        double u = Parameter.clampUnit(unit);
        double x = scale == Scale.LOG
                ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min)))
                : min + u * (max - min);
        return Math.min(max, Math.max(min, x));
    }

    @Override
    public Object canonical(Object value) {
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new IllegalArgumentException("must be a finite number, got " + Values.describe(value));
        }
        double x = n.doubleValue();
        if (x < min || x > max) {
            throw new IllegalArgumentException("must be within [" + min + ", " + max + "], got " + x);
        }
        return x;
    }
}
