package dev.hpo.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of a benchmark, each a whole number with a default, at least 1 unless allowed 0. */
public final class BenchOptions {

    private final Map<String, Long> values = new HashMap<>();

    /** @param mayBeZero the options that 0 turns off */
    public BenchOptions(List<String> args, Map<String, Long> defaults, Set<String> mayBeZero) {
        values.putAll(defaults);
        Set<String> known = defaults.keySet();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!name.startsWith("--") || !known.contains(name.substring(2))) {
                throw new IllegalArgumentException("unknown option " + name + "; known: --" + String.join(", --", known));
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String text = args.get(++i);
            try {
                long value = Long.parseLong(text);
                long least = mayBeZero.contains(name.substring(2)) ? 0 : 1;
                if (value < least) {
                    throw new IllegalArgumentException(name + " must be at least " + least + ", got " + value);
                }
                values.put(name.substring(2), value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, got '" + text + "'");
            }
        }
    }

    public int get(String name) {
        return Math.toIntExact(values.get(name));
    }
}
