package dev.hpo.space;

import java.util.Optional;

/**
 * One named dimension of a search space. Tunable parameters map their values to and from the unit interval
 * {@code [0, 1]}, where optimizers search; integers and categoricals survive the round trip exactly.
 */
public sealed interface Parameter
        permits FloatParameter, IntParameter, CategoricalParameter, FixedParameter {

    String name();

    /** Present when the parameter is active only for some values of a categorical parent. */
    Optional<Condition> condition();

    /** False for a fixed parameter, which takes no room in the optimizer's vector. */
    default boolean tunable() {
        return true;
    }

    /**
     * Maps a value of this parameter to {@code [0, 1]}.
     *
     * @throws IllegalArgumentException when the value is not one this parameter can take
     */
    double encode(Object value);

    /** Maps any point of {@code [0, 1]} (clamped) to a value of this parameter. */
    Object decode(double unit);

    /**
     * Checks a value given from outside (an enqueued configuration, a JSON body) and returns it in canonical
     * form: {@code Double} for floats, {@code Long} for integers, the declared value for categoricals.
     *
     * @throws IllegalArgumentException saying why the value does not fit
     */
    Object canonical(Object value);

    static double clampUnit(double unit) {
        if (Double.isNaN(unit)) {
            throw new IllegalArgumentException("unit value is NaN");
        }
        return Math.min(1.0, Math.max(0.0, unit));
    }
}
