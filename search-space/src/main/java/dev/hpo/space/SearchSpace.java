package dev.hpo.space;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Named parameters and the map between configurations and points of the unit cube {@code [0, 1]^d} that
 * optimizers search, one coordinate per tunable parameter in declaration order. Fixed parameters take no
 * coordinate; inactive conditional parameters keep theirs (encoded as 0.5) but are left out when decoding.
 */
public final class SearchSpace {

    private final List<Parameter> parameters;
    private final List<Parameter> tunable;
    private final Map<String, Parameter> byName;

    private SearchSpace(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
        this.tunable = this.parameters.stream().filter(Parameter::tunable).toList();
        Map<String, Parameter> names = new HashMap<>();
        for (Parameter p : this.parameters) {
            if (names.putIfAbsent(p.name(), p) != null) {
                throw new IllegalArgumentException("parameter name '" + p.name() + "' is used twice");
            }
        }
        this.byName = Map.copyOf(names);
        for (Parameter p : this.parameters) {
            p.condition().ifPresent(c -> checkCondition(p, c));
        }
    }

    /**
     * @throws IllegalArgumentException when the list is empty, a name repeats, or a condition names no
     *         earlier categorical parameter or a value it cannot take
     */
    public static SearchSpace of(List<Parameter> parameters) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("a search space needs at least one parameter");
        }
        return new SearchSpace(parameters);
    }

    public static SearchSpace of(Parameter... parameters) {
        return of(List.of(parameters));
    }

    private void checkCondition(Parameter p, Condition c) {
        Parameter parent = byName.get(c.parent());
        if (parent == null || parameters.indexOf(parent) >= parameters.indexOf(p)) {
            throw new IllegalArgumentException(p.name() + ": condition parent '" + c.parent()
                    + "' must be a parameter declared before it");
        }
        if (!(parent instanceof CategoricalParameter cat)) {
            throw new IllegalArgumentException(p.name() + ": condition parent '" + c.parent() + "' must be categorical");
        }
        for (Object v : c.values()) {
            if (cat.indexOf(v) < 0) {
                throw new IllegalArgumentException(p.name() + ": condition value " + Values.describe(v)
                        + " is not a value of '" + c.parent() + "'");
            }
        }
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** The parameters that own a coordinate of the unit cube, in coordinate order. */
    public List<Parameter> tunableParameters() {
        return tunable;
    }

    public int dimensions() {
        return tunable.size();
    }

    public Optional<Parameter> parameter(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Maps a point of the unit cube to a configuration of the active parameters. */
    public Configuration decode(double[] unit) {
        if (unit.length != tunable.size()) {
            throw new IllegalArgumentException("expected " + tunable.size() + " coordinates, got " + unit.length);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        int coordinate = 0;
        for (Parameter p : parameters) {
            Object value = p.tunable() ? p.decode(unit[coordinate++]) : p.decode(0.5);
            if (active(p, values)) {
                values.put(p.name(), value);
            }
        }
        return new Configuration(values);
    }

    /**
     * Maps a configuration to the unit cube.
     *
     * @throws IllegalArgumentException when the configuration does not belong to this space
     */
    public double[] encode(Configuration configuration) {
        Configuration checked = canonical(configuration);
        double[] unit = new double[tunable.size()];
        for (int i = 0; i < unit.length; i++) {
            Parameter p = tunable.get(i);
            unit[i] = checked.has(p.name()) ? p.encode(checked.values().get(p.name())) : 0.5;
        }
        return unit;
    }

    /**
     * Checks a configuration given from outside and returns it in canonical form. Fixed parameters may be left
     * out and are filled in.
     *
     * @throws InvalidConfigurationException listing every problem, each naming its parameter
     */
    public Configuration canonical(Configuration configuration) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : configuration.values().keySet()) {
            if (!byName.containsKey(name)) {
                problems.add(name + ": is not a parameter of this search space");
            }
        }
        for (Parameter p : parameters) {
            boolean active = active(p, values);
            Object given = configuration.values().get(p.name());
            if (!active) {
                if (given != null) {
                    problems.add(p.name() + ": is inactive because " + p.condition().orElseThrow().parent()
                            + " is not one of " + p.condition().orElseThrow().values());
                }
                continue;
            }
            if (given == null) {
                if (p instanceof FixedParameter fixed) {
                    values.put(p.name(), fixed.value());
                } else {
                    problems.add(p.name() + ": is missing");
                }
                continue;
            }
            try {
                values.put(p.name(), p.canonical(given));
            } catch (IllegalArgumentException e) {
                problems.add(p.name() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return new Configuration(values);
    }

    /** Two spaces are equal when they declare equal parameters in the same order. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SearchSpace that && parameters.equals(that.parameters);
    }

    @Override
    public int hashCode() {
        return parameters.hashCode();
    }

    @Override
    public String toString() {
        return "SearchSpace" + parameters;
    }

    private static boolean active(Parameter p, Map<String, Object> earlierValues) {
        return p.condition().map(c -> c.holdsFor(earlierValues.get(c.parent()))).orElse(true);
    }
}
