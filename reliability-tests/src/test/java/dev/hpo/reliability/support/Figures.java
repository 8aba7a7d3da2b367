package dev.hpo.reliability.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The one summary line each reliability test prints: {@code RELIABILITY <test> [<database>] key=value ...}. */
public final class Figures {

    private final String test;
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Figures(String test) {
        this.test = test;
    }

    public static Figures of(String test) {
        return new Figures(test);
    }

    public Figures with(String key, Object value) {
        values.put(key, value);
        return this;
    }

    /** Prints the line to standard output, where the build log keeps it. */
    public void print() {
        System.out.println("RELIABILITY " + test + " " + values.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(" ")));
    }
}
