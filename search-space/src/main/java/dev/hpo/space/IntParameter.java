package dev.hpo.space;

import java.util.Objects;
import java.util.Optional;

/**
 * An integer in {@code [min, max]}. Each integer owns an equal slice of the unit interval (linear scale) or a
 * slice proportional to {@code log(v + 1) - log(v)} (log scale), and encodes to the middle of its slice, so
 * decoding an encoded value gives it back exactly.
 */
public record IntParameter(String name, long min, long max, Scale scale, Optional<Condition> condition)
        implements Parameter {

    public IntParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(condition, "condition");
        if (max <= min) {
            throw new IllegalArgumentException(name + ": max must be greater than min (" + min + ")");
        }
        if (scale == Scale.LOG && min <= 0) {
            throw new IllegalArgumentException(name + ": log scale needs min > 0, got " + min);
        }
    }

    public static IntParameter linear(String name, long min, long max) {
        return new IntParameter(name, min, max, Scale.LINEAR, Optional.empty());
    }

    public static IntParameter log(String name, long min, long max) {
        return new IntParameter(name, min, max, Scale.LOG, Optional.empty());
    }

    public IntParameter when(Condition condition) {
        return new IntParameter(name, min, max, scale, Optional.of(condition));
    }

    /** How many integers the range holds. */
    public long levels() {
        return max - min + 1;
    }

    @Override
    public double encode(Object value) {
        long v = (Long) canonical(value);
        if (scale == Scale.LOG) {
            double mid = (Math.log(v) + Math.log(v + 1.0)) / 2;
            return (mid - Math.log(min)) / (Math.log(max + 1.0) - Math.log(min));
        }
        return (v - min + 0.5) / levels();
    }

    @Override
    public Object decode(double unit) {
        double u = Parameter.clampUnit(unit);
        long v = scale == Scale.LOG
                ? (long) Math.floor(Math.exp(Math.log(min) + u * (Math.log(max + 1.0) - Math.log(min))))
                : min + (long) Math.floor(u * levels());
        return Math.min(max, Math.max(min, v));
    }

    @Override
    public Object canonical(Object value) {
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())
                || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException("must be an integer, got " + Values.describe(value));
        }
        long v = n.longValue();
        if (v < min || v > max) {
            throw new IllegalArgumentException("must be within [" + min + ", " + max + "], got " + v);
        }
        return v;
    }
}
