package dev.hpo.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.space.CategoricalParameter;
import dev.hpo.space.Condition;
import dev.hpo.space.FixedParameter;
import dev.hpo.space.FloatParameter;
import dev.hpo.space.IntParameter;
import dev.hpo.space.Parameter;
import dev.hpo.space.Scale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Reads the {@code parameters} array of a spec into parameters, reporting every problem with its path. */
final class ParameterParser {

    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");
    private static final List<String> TYPES = List.of("float", "int", "categorical", "fixed");
    private static final List<String> ANY_FIELD = List.of("name", "type", "min", "max", "scale", "values", "value",
            "when");

    private final Problems problems;
    /** Parameters read so far, by name, with their index in the array; null marks a parameter that failed. */
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final List<Parameter> byIndex = new ArrayList<>();

    private ParameterParser(Problems problems) {
        this.problems = problems;
    }

    /**
     * The parameters in declaration order, or empty when any of them has a problem (all reported).
     */
    static Optional<List<Parameter>> parse(JsonNode array, String path, Problems problems) {
        return new ParameterParser(problems).parseAll(array, path);
    }

    private Optional<List<Parameter>> parseAll(JsonNode array, String path) {
        if (array.isEmpty()) {
            problems.add(path, "must hold at least one parameter");
            return Optional.empty();
        }
        int before = problems.count();
        for (int i = 0; i < array.size(); i++) {
            byIndex.add(parseOne(array.get(i), Problems.element(path, i), i).orElse(null));
        }
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(byIndex));
    }

    private Optional<Parameter> parseOne(JsonNode node, String path, int index) {
        if (!node.isObject()) {
            problems.add(path, "must be an object, got " + SpecObject.describe(node));
            return Optional.empty();
        }
        Optional<String> type = Optional.ofNullable(node.get("type")).filter(JsonNode::isTextual)
                .map(t -> t.textValue().toLowerCase(Locale.ROOT)).filter(TYPES::contains);
        SpecObject p = SpecObject.of(node, path, problems, type.map(ParameterParser::fieldsOf).orElse(ANY_FIELD))
                .orElseThrow();
        int before = problems.count();
        Optional<String> name = name(p, index);
        if (type.isEmpty()) {
            p.string("type", true).ifPresent(t -> problems.add(p.path("type"),
                    "must be one of " + String.join(", ", TYPES) + ", got \"" + t + "\""));
        }
        Optional<Condition> condition = p.get("when").flatMap(w -> condition(w, p.path("when"), index));
        if (type.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        Optional<Parameter> parameter = switch (type.get()) {
            case "float" -> floatParameter(p, name.get(), condition);
            case "int" -> intParameter(p, name.get(), condition);
            case "categorical" -> categorical(p, name.get(), condition);
            default -> fixed(p, name.get(), condition);
        };
        return problems.count() > before ? Optional.empty() : parameter;
    }

    private static List<String> fieldsOf(String type) {
        return switch (type) {
            case "float", "int" -> List.of("name", "type", "min", "max", "scale", "when");
            case "categorical" -> List.of("name", "type", "values", "when");
            default -> List.of("name", "type", "value", "when");
        };
    }

    private Optional<String> name(SpecObject p, int index) {
        Optional<String> name = p.string("name", true);
        if (name.isEmpty()) {
            return name;
        }
        if (!NAME.matcher(name.get()).matches()) {
            problems.add(p.path("name"), "must start with a letter or _ and hold only letters, digits, _ . -"
                    + " (at most 64), got \"" + name.get() + "\"");
            return Optional.empty();
        }
        Integer earlier = indexByName.putIfAbsent(name.get(), index);
        if (earlier != null) {
            problems.add(p.path("name"), "\"" + name.get() + "\" is already the name of parameters[" + earlier + "]");
            return Optional.empty();
        }
        return name;
    }

    private Optional<Parameter> floatParameter(SpecObject p, String name, Optional<Condition> condition) {
        OptionalDouble min = p.number("min", true);
        OptionalDouble max = p.number("max", true);
        Optional<Scale> scale = scale(p);
        if (min.isEmpty() || max.isEmpty() || scale.isEmpty()) {
            return Optional.empty();
        }
        if (!bounds(p, min.getAsDouble(), max.getAsDouble(), scale.get())) {
            return Optional.empty();
        }
        return Optional.of(new FloatParameter(name, min.getAsDouble(), max.getAsDouble(), scale.get(), condition));
    }

    private Optional<Parameter> intParameter(SpecObject p, String name, Optional<Condition> condition) {
        OptionalLong min = p.integer("min", true, Long.MIN_VALUE, Long.MAX_VALUE);
        OptionalLong max = p.integer("max", true, Long.MIN_VALUE, Long.MAX_VALUE);
        Optional<Scale> scale = scale(p);
        if (min.isEmpty() || max.isEmpty() || scale.isEmpty()) {
            return Optional.empty();
        }
        if (!bounds(p, min.getAsLong(), max.getAsLong(), scale.get())) {
            return Optional.empty();
        }
        return Optional.of(new IntParameter(name, min.getAsLong(), max.getAsLong(), scale.get(), condition));
    }

    private boolean bounds(SpecObject p, double min, double max, Scale scale) {
        boolean ok = true;
        if (scale == Scale.LOG && min <= 0) {
            problems.add(p.path("min"), "must be positive on a log scale, got " + number(min));
            ok = false;
        }
        if (!(max > min)) {
            problems.add(p.path("max"), "must be greater than min (" + number(min) + ")");
            ok = false;
        }
        return ok;
    }

    private Optional<Scale> scale(SpecObject p) {
        Optional<String> text = p.string("scale", false);
        if (text.isEmpty()) {
            return p.has("scale") ? Optional.empty() : Optional.of(Scale.LINEAR);
        }
        return switch (text.get().toLowerCase(Locale.ROOT)) {
            case "linear" -> Optional.of(Scale.LINEAR);
            case "log" -> Optional.of(Scale.LOG);
            default -> {
                problems.add(p.path("scale"), "must be \"linear\" or \"log\", got \"" + text.get() + "\"");
                yield Optional.empty();
            }
        };
    }

    private Optional<Parameter> categorical(SpecObject p, String name, Optional<Condition> condition) {
        Optional<JsonNode> array = p.array("values", true);
        if (array.isEmpty()) {
            return Optional.empty();
        }
        if (array.get().isEmpty()) {
            problems.add(p.path("values"), "must hold at least one value");
            return Optional.empty();
        }
        Optional<List<Object>> values = distinctScalars(array.get(), p.path("values"));
        return values.map(v -> new CategoricalParameter(name, v, condition));
    }

    private Optional<Parameter> fixed(SpecObject p, String name, Optional<Condition> condition) {
        return p.require("value").flatMap(v -> scalar(v, p.path("value")))
                .map(v -> new FixedParameter(name, v, condition));
    }

    /** {@code {"parent": [values]}}, naming a categorical parameter declared earlier. */
    private Optional<Condition> condition(JsonNode when, String path, int index) {
        if (!when.isObject() || when.size() != 1) {
            problems.add(path, "must be an object with one field, the parent parameter's name, whose value lists "
                    + "the parent's values that activate this parameter, e.g. {\"sam\": [\"on\"]}");
            return Optional.empty();
        }
        Map.Entry<String, JsonNode> entry = when.fields().next();
        String parentName = entry.getKey();
        String valuesPath = Problems.field(path, parentName);
        Integer parentIndex = indexByName.get(parentName);
        if (parentIndex == null || parentIndex >= index) {
            problems.add(valuesPath, "names no parameter declared before this one; a condition's parent must come"
                    + " first");
            return Optional.empty();
        }
        if (!entry.getValue().isArray() || entry.getValue().isEmpty()) {
            problems.add(valuesPath, "must be a non-empty array of the parent's values, got "
                    + SpecObject.describe(entry.getValue()));
            return Optional.empty();
        }
        Optional<List<Object>> values = distinctScalars(entry.getValue(), valuesPath);
        Parameter parent = byIndex.get(parentIndex);
        if (values.isEmpty() || parent == null) {
            return Optional.empty();
        }
        if (!(parent instanceof CategoricalParameter cat)) {
            problems.add(valuesPath, "parent \"" + parentName + "\" must be a categorical parameter");
            return Optional.empty();
        }
        boolean ok = true;
        for (int i = 0; i < values.get().size(); i++) {
            if (cat.indexOf(values.get().get(i)) < 0) {
                problems.add(Problems.element(valuesPath, i), describe(values.get().get(i)) + " is not a value of \""
                        + parentName + "\" (" + String.join(", ", cat.values().stream().map(ParameterParser::describe)
                        .toList()) + ")");
                ok = false;
            }
        }
        return ok ? Optional.of(new Condition(parentName, values.get())) : Optional.empty();
    }

    private Optional<List<Object>> distinctScalars(JsonNode array, String path) {
        List<Object> values = new ArrayList<>();
        boolean ok = true;
        Iterator<JsonNode> it = array.elements();
        for (int i = 0; it.hasNext(); i++) {
            String elementPath = Problems.element(path, i);
            Optional<Object> value = scalar(it.next(), elementPath);
            if (value.isEmpty()) {
                ok = false;
                continue;
            }
            for (int j = 0; j < values.size(); j++) {
                if (same(values.get(j), value.get())) {
                    problems.add(elementPath, describe(value.get()) + " repeats " + Problems.element(path, j));
                    ok = false;
                }
            }
            values.add(value.get());
        }
        return ok ? Optional.of(values) : Optional.empty();
    }

    /** A string, boolean or finite number: integral numbers as {@code Long}, others as {@code Double}. */
    private Optional<Object> scalar(JsonNode node, String path) {
        if (node.isTextual()) {
            return Optional.of(node.textValue());
        }
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Optional.of(node.longValue());
        }
        if (node.isNumber()) {
            OptionalDouble d = SpecObject.finiteNumber(node, path, problems);
            return d.isPresent() ? Optional.of(d.getAsDouble()) : Optional.empty();
        }
        problems.add(path, "must be a string, number or boolean, got " + SpecObject.describe(node));
        return Optional.empty();
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return a.equals(b);
    }

    static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}
