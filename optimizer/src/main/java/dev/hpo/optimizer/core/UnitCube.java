package dev.hpo.optimizer.core;

import dev.hpo.space.CategoricalParameter;
import dev.hpo.space.Configuration;
import dev.hpo.space.FloatParameter;
import dev.hpo.space.IntParameter;
import dev.hpo.space.Parameter;
import dev.hpo.space.SearchSpace;
import java.util.List;

/**
 * A search space's unit cube as the algorithms see it: which coordinates are continuous, integer or
 * categorical, the canonical point of a configuration, and when two points are the same configuration.
 */
public final class UnitCube {

    /** Float coordinates closer than this in unit space are the same configuration. */
    public static final double FLOAT_TOLERANCE = 1e-3;

    /** The kind of one coordinate. */
    public enum Kind { FLOAT, INTEGER, CATEGORICAL }

    private final SearchSpace space;
    private final Kind[] kinds;
    private final int[] levels;

    public UnitCube(SearchSpace space) {
        this.space = space;
        List<Parameter> tunable = space.tunableParameters();
        kinds = new Kind[tunable.size()];
        levels = new int[tunable.size()];
        for (int i = 0; i < kinds.length; i++) {
            Parameter p = tunable.get(i);
            if (p instanceof FloatParameter) {
                kinds[i] = Kind.FLOAT;
            } else if (p instanceof CategoricalParameter c) {
                kinds[i] = Kind.CATEGORICAL;
                levels[i] = c.values().size();
            } else {
                kinds[i] = Kind.INTEGER;
                levels[i] = (int) Math.min(Integer.MAX_VALUE, ((IntParameter) p).levels());
            }
        }
    }

    public SearchSpace space() {
        return space;
    }

    public int dimensions() {
        return kinds.length;
    }

    public Kind kind(int coordinate) {
        return kinds[coordinate];
    }

    /** Number of values of an integer or categorical coordinate; 0 for a float. */
    public int levels(int coordinate) {
        return levels[coordinate];
    }

    public Parameter parameter(int coordinate) {
        return space.tunableParameters().get(coordinate);
    }

    /** The point a configuration encodes to: integers and categoricals at slice middles, inactive at 0.5. */
    public double[] canonical(double[] unit) {
        return space.encode(space.decode(unit));
    }

    /**
     * The point of a configuration, coordinate by coordinate: an absent (inactive) parameter at 0.5, as the
     * search space encodes it. Cheaper than {@link SearchSpace#encode}, which first rebuilds the configuration in
     * canonical form; studies of thousands of trials encode every trial on every proposal.
     *
     * @throws IllegalArgumentException when a value does not fit its parameter
     */
    public double[] encode(Configuration configuration) {
        List<Parameter> tunable = space.tunableParameters();
        double[] unit = new double[tunable.size()];
        for (int i = 0; i < unit.length; i++) {
            Object value = configuration.values().get(tunable.get(i).name());
            unit[i] = value == null ? 0.5 : tunable.get(i).encode(value);
        }
        return unit;
    }

    public Configuration decode(double[] unit) {
        return space.decode(unit);
    }

    /** True when two canonical points are the same configuration. */
    public boolean same(double[] a, double[] b) {
        for (int i = 0; i < kinds.length; i++) {
            double tolerance = kinds[i] == Kind.FLOAT ? FLOAT_TOLERANCE : 1e-12;
            if (Math.abs(a[i] - b[i]) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
