package dev.hpo.api.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Field paths and type names as a JSON user reads them, never as Java names. */
final class JsonPaths {

    private JsonPaths() {
    }

    /** {@code metrics.accuracy}, {@code trials[2].id}; {@code $} for the whole body. */
    static String of(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "$" : out.toString();
    }

    static String describe(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            StringBuilder names = new StringBuilder();
            for (Object c : constants) {
                names.append(names.isEmpty() ? "" : ", ").append(((Enum<?>) c).name());
            }
            return "one of " + names;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "a valid value";
    }

    static String quote(Object value) {
        String text = String.valueOf(value);
        if (text.length() > 80) {
            text = text.substring(0, 80) + "...";
        }
        return value instanceof String ? "\"" + text + "\"" : text;
    }
}
