package dev.hpo.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One JSON object of a spec being read: typed access to its fields that records a problem, with the field's
 * path, for every missing, mistyped or unknown field, and carries on so that all problems are found in one pass.
 * An explicit {@code null} counts as absent.
 */
final class SpecObject {

    private final ObjectNode node;
    private final String path;
    private final Problems problems;

    private SpecObject(ObjectNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /**
     * Reads {@code node} as an object whose fields must be among {@code allowed}; reports and returns empty when
     * it is not an object.
     */
    static Optional<SpecObject> of(JsonNode node, String path, Problems problems, List<String> allowed) {
        if (!(node instanceof ObjectNode object)) {
            problems.add(path, "must be an object, got " + describe(node));
            return Optional.empty();
        }
        SpecObject result = new SpecObject(object, path, problems);
        result.rejectUnknown(allowed);
        return Optional.of(result);
    }

    String path() {
        return path;
    }

    String path(String field) {
        return Problems.field(path, field);
    }

    Problems problems() {
        return problems;
    }

    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** The raw value of a field, absent for a missing field or {@code null}. */
    Optional<JsonNode> get(String field) {
        return has(field) ? Optional.of(node.get(field)) : Optional.empty();
    }

    Optional<JsonNode> require(String field) {
        if (!has(field)) {
            problems.add(path(field), "is required");
        }
        return get(field);
    }

    Optional<String> string(String field, boolean required) {
        Optional<JsonNode> value = required ? require(field) : get(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().isTextual()) {
            problems.add(path(field), "must be a string, got " + describe(value.get()));
            return Optional.empty();
        }
        return Optional.of(value.get().textValue());
    }

    OptionalDouble number(String field, boolean required) {
        Optional<JsonNode> value = required ? require(field) : get(field);
        if (value.isEmpty()) {
            return OptionalDouble.empty();
        }
        return finiteNumber(value.get(), path(field), problems);
    }

    /** An integer within {@code [min, max]}. */
    OptionalLong integer(String field, boolean required, long min, long max) {
        Optional<JsonNode> value = required ? require(field) : get(field);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        JsonNode v = value.get();
        if (v.isNumber() && whole(v) && !fitsLong(v)) {
            problems.add(path(field), range(min, max) + ", got " + v.asText());
            return OptionalLong.empty();
        }
        OptionalLong n = integer(v, path(field), problems);
        if (n.isPresent() && (n.getAsLong() < min || n.getAsLong() > max)) {
            problems.add(path(field), range(min, max) + ", got " + n.getAsLong());
            return OptionalLong.empty();
        }
        return n;
    }

    Optional<Duration> duration(String field, boolean required) {
        Optional<String> text = string(field, required);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Durations.parse(text.get()));
        } catch (IllegalArgumentException e) {
            problems.add(path(field), e.getMessage());
            return Optional.empty();
        }
    }

    Optional<SpecObject> object(String field, boolean required, List<String> allowed) {
        Optional<JsonNode> value = required ? require(field) : get(field);
        return value.flatMap(v -> of(v, path(field), problems, allowed));
    }

    Optional<JsonNode> array(String field, boolean required) {
        Optional<JsonNode> value = required ? require(field) : get(field);
        if (value.isPresent() && !value.get().isArray()) {
            problems.add(path(field), "must be an array, got " + describe(value.get()));
            return Optional.empty();
        }
        return value;
    }

    Iterator<String> fieldNames() {
        return node.fieldNames();
    }

    private void rejectUnknown(List<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                problems.add(path(name), "unknown field; expected one of " + String.join(", ", allowed));
            }
        }
    }

    static OptionalDouble finiteNumber(JsonNode value, String path, Problems problems) {
        if (!value.isNumber()) {
            problems.add(path, "must be a number, got " + describe(value));
            return OptionalDouble.empty();
        }
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
            problems.add(path, "must be a finite number, got " + value.asText());
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(d);
    }

    static OptionalLong integer(JsonNode value, String path, Problems problems) {
        if (!value.isNumber()) {
            problems.add(path, "must be an integer, got " + describe(value));
            return OptionalLong.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return OptionalLong.of(value.longValue());
        }
        double d = value.doubleValue();
        if (whole(value) && fitsLong(value)) {
            return OptionalLong.of((long) d);
        }
        problems.add(path, "must be an integer, got " + value.asText());
        return OptionalLong.empty();
    }

    private static boolean whole(JsonNode number) {
        double d = number.doubleValue();
        return number.isIntegralNumber() || Double.isFinite(d) && d == Math.rint(d);
    }

    private static boolean fitsLong(JsonNode number) {
        return number.isIntegralNumber() ? number.canConvertToLong() : Math.abs(number.doubleValue()) < 0x1p63;
    }

    static String range(long min, long max) {
        return max == Long.MAX_VALUE ? "must be at least " + min : "must be in [" + min + ", " + max + "]";
    }

    /** How a value looks in an error message: its JSON type, and the value itself for scalars. */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isTextual()) {
            return "the string \"" + value.textValue() + "\"";
        }
        if (value.isBoolean()) {
            return "the boolean " + value.asText();
        }
        return "the number " + value.asText();
    }
}
