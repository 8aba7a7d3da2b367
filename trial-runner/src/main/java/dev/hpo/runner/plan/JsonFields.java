package dev.hpo.runner.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads typed fields from a JSON object, naming the field's full path in every error. */
final class JsonFields {

    private final JsonNode node;
    private final String path;

    JsonFields(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException((path.isEmpty() ? "plan" : path) + " must be a JSON object");
        }
        this.node = node;
        this.path = path;
    }

    JsonFields object(String name) {
        return new JsonFields(node.get(name), name(name));
    }

    boolean has(String name) {
        return node.hasNonNull(name);
    }

    String text(String name) {
        JsonNode value = required(name);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(name(name) + " must be a string, got " + value);
        }
        return value.asText();
    }

    double number(String name) {
        JsonNode value = required(name);
        if (!value.isNumber()) {
            throw new IllegalArgumentException(name(name) + " must be a number, got " + value);
        }
        return value.asDouble();
    }

    double number(String name, double fallback) {
        return has(name) ? number(name) : fallback;
    }

    long integer(String name) {
        JsonNode value = required(name);
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException(name(name) + " must be an integer, got " + value);
        }
        return value.asLong();
    }

    long integer(String name, long fallback) {
        return has(name) ? integer(name) : fallback;
    }

    /** An array of integers; empty when the field is absent. */
    List<Long> integers(String name) {
        if (!has(name)) {
            return List.of();
        }
        JsonNode value = node.get(name);
        if (!value.isArray()) {
            throw new IllegalArgumentException(name(name) + " must be an array of integers, got " + value);
        }
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!element.canConvertToLong() || !element.isIntegralNumber()) {
                throw new IllegalArgumentException(name(name) + "[" + i + "] must be an integer, got " + element);
            }
            values.add(element.asLong());
        }
        return values;
    }

    int smallInteger(String name, int fallback) {
        long value = integer(name, fallback);
        if (value != (int) value) {
            throw new IllegalArgumentException(name(name) + " is out of range: " + value);
        }
        return (int) value;
    }

    boolean bool(String name, boolean fallback) {
        if (!has(name)) {
            return fallback;
        }
        JsonNode value = node.get(name);
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(name(name) + " must be true or false, got " + value);
        }
        return value.asBoolean();
    }

    /** Converts a string field, prefixing the converter's message with the field's path. */
    <T> T parsed(String name, Function<String, T> parser) {
        String text = text(name);
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name(name) + ": " + e.getMessage());
        }
    }

    <T> T parsed(String name, Function<String, T> parser, T fallback) {
        return has(name) ? parsed(name, parser) : fallback;
    }

    private JsonNode required(String name) {
        if (!has(name)) {
            throw new IllegalArgumentException(name(name) + " is missing");
        }
        return node.get(name);
    }

    private String name(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
