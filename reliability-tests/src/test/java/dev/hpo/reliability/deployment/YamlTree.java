package dev.hpo.reliability.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Untyped YAML documents and a null-tolerant walk through them, for reading deployment files. */
final class YamlTree {

    private YamlTree() {
    }

    static List<Map<String, Object>> documents(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(options).loadAll(text)) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    /** The map at PATH below ROOT, or an empty map when any step is missing. */
    static Map<String, Object> map(Object root, String... path) {
        Object node = at(root, path);
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof Map)) {
            throw new AssertionError("expected a mapping at " + String.join(".", path) + " but found " + node);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) node;
        return map;
    }

    /** The list at PATH below ROOT, or an empty list when any step is missing. */
    static List<Object> list(Object root, String... path) {
        Object node = at(root, path);
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof List)) {
            throw new AssertionError("expected a list at " + String.join(".", path) + " but found " + node);
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) node;
        return list;
    }

    static String string(Object root, String... path) {
        Object node = at(root, path);
        return node == null ? null : String.valueOf(node);
    }

    private static Object at(Object root, String... path) {
        Object node = root;
        for (String key : path) {
            if (!(node instanceof Map)) {
                return null;
            }
            node = ((Map<?, ?>) node).get(key);
        }
        return node;
    }
}
