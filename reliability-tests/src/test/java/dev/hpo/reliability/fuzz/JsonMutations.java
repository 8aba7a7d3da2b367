package dev.hpo.reliability.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random JSON values and structural mutations of a valid JSON document: a field removed, a value replaced by
 * one of another type or out of range, an unknown field added, an array emptied. Mutating a valid document
 * reaches deep validation paths that random JSON never gets past.
 */
final class JsonMutations {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** What a mutation does at the node it picks. */
    enum Operation { REMOVE, REPLACE, ADD_UNKNOWN_FIELD, EMPTY_CONTAINER }

    /**
     * @param target which node of the document, modulo the number of nodes
     * @param value the replacement, for REPLACE
     * @param fieldName the added field's name, for ADD_UNKNOWN_FIELD
     */
    record Mutation(int target, Operation operation, JsonNode value, String fieldName) {
    }

    private JsonMutations() {
    }

    static Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 100_000), Arbitraries.of(Operation.class),
                        values(), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12))
                .as(Mutation::new).list().ofMinSize(1).ofMaxSize(3);
    }

    /** Scalars of every JSON type, edge values included, and small arrays and objects of them. */
    static Arbitrary<JsonNode> values() {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.just(JSON.nullNode()),
                Arbitraries.of(true, false).map(JSON::booleanNode),
                Arbitraries.longs().map(JSON::numberNode),
                Arbitraries.of(0L, -1L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, 1_000_001L).map(JSON::numberNode),
                Arbitraries.doubles().map(JSON::numberNode),
                Arbitraries.of(1e308, -1e308, 4.9e-324, -0.0, 0.5, 1e-12).map(JSON::numberNode),
                Arbitraries.just(JSON.numberNode(new BigInteger("123456789012345678901234567890"))),
                Arbitraries.strings().ofMaxLength(40).map(JSON::textNode),
                Arbitraries.of("", " ", "NaN", "Infinity", "10m", "-5s", "0s", "99999h", "MINIMIZE", "float",
                        "RANDOM", "resnet9", "fashion-mnist", "x", "\u0000", "../../etc/passwd").map(JSON::textNode),
                Arbitraries.strings().ofLength(300).map(JSON::textNode));
        Arbitrary<JsonNode> arrays = scalars.list().ofMaxSize(4).map(items -> {
            ArrayNode array = JSON.arrayNode();
            items.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> objects = Combinators.combine(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10).list().ofMaxSize(3),
                        scalars.list().ofSize(3))
                .as((keys, items) -> {
                    ObjectNode object = JSON.objectNode();
                    for (int i = 0; i < keys.size(); i++) {
                        object.set(keys.get(i), items.get(i));
                    }
                    return object;
                });
        return Arbitraries.frequencyOf(
                Tuple.of(6, scalars), Tuple.of(1, arrays), Tuple.of(1, objects));
    }

    /** A copy of DOCUMENT with the mutations applied in order. */
    static JsonNode apply(JsonNode document, List<Mutation> mutations) {
        JsonNode root = document.deepCopy();
        for (Mutation mutation : mutations) {
            root = apply(root, mutation);
        }
        return root;
    }

    private static JsonNode apply(JsonNode root, Mutation mutation) {
        List<Location> locations = new ArrayList<>();
        collect(root, null, null, -1, locations);
        Location at = locations.get(mutation.target() % locations.size());
        switch (mutation.operation()) {
            case REMOVE -> {
                if (at.parent() == null) {
                    return mutation.value();
                }
                at.remove();
            }
            case REPLACE -> {
                if (at.parent() == null) {
                    return mutation.value();
                }
                at.replace(mutation.value());
            }
            case ADD_UNKNOWN_FIELD -> {
                if (at.node() instanceof ObjectNode object) {
                    object.set(mutation.fieldName(), mutation.value());
                } else if (at.parent() != null) {
                    at.replace(mutation.value());
                }
            }
            case EMPTY_CONTAINER -> {
                if (at.node() instanceof ObjectNode object) {
                    object.removeAll();
                } else if (at.node() instanceof ArrayNode array) {
                    array.removeAll();
                } else if (at.parent() != null) {
                    at.remove();
                }
            }
        }
        return root;
    }

    /** A node and where it hangs: a field of an object or an index of an array (none for the root). */
    private record Location(JsonNode node, JsonNode parent, String field, int index) {
        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(field);
            } else if (parent instanceof ArrayNode array) {
                array.remove(index);
            }
        }

        void replace(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else if (parent instanceof ArrayNode array) {
                array.set(index, value);
            }
        }
    }

    private static void collect(JsonNode node, JsonNode parent, String field, int index, List<Location> into) {
        into.add(new Location(node, parent, field, index));
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                collect(node.get(name), node, name, -1, into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), node, null, i, into);
            }
        }
    }
}
