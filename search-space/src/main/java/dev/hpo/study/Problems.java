package dev.hpo.study;

import java.util.ArrayList;
import java.util.List;

/** The problems found so far while reading one spec, in the order they were found. */
final class Problems {

    private final List<FieldError> errors = new ArrayList<>();

    void add(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    int count() {
        return errors.size();
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** The path of a field of the object at {@code parent}. */
    static String field(String parent, String name) {
        return parent.isEmpty() || parent.equals("$") ? name : parent + "." + name;
    }

    /** The path of an element of the array at {@code parent}. */
    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
