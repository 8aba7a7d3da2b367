package dev.hpo.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Maps JSON scalars to the Java values parameters and options hold, and back. */
final class JsonValues {

    private JsonValues() {
    }

    /**
     * A string, a boolean, a {@code Long} for an integral number, a {@code Double} for any other number; for
     * anything else the node itself, which every value check rejects.
     */
    static Object toJava(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return new Object() {
            @Override
            public String toString() {
                return SpecObject.describe(node);
            }
        };
    }

    static JsonNode toJson(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value instanceof String s) {
            return f.textNode(s);
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof Double d) {
            return f.numberNode(d);
        }
        if (value instanceof Float x) {
            return f.numberNode(x.doubleValue());
        }
        if (value instanceof Number n) {
            return f.numberNode(n.longValue());
        }
        throw new IllegalArgumentException("cannot write " + value + " as a JSON scalar");
    }
}
