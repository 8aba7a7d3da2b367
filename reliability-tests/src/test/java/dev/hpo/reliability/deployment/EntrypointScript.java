package dev.hpo.reliability.deployment;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads docker/hpo-entrypoint.sh: which main class a role starts, and which variables it reads. */
final class EntrypointScript {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(HPO_\\w+)");

    private EntrypointScript() {
    }

    /** The commands the script runs for ROLE. */
    static String role(String script, String role) {
        Matcher block = Pattern.compile("(?s)\\n\\s*" + Pattern.quote(role) + "\\)(.*?);;").matcher(script);
        if (!block.find()) {
            throw new AssertionError("the entrypoint has no role " + role);
        }
        return block.group(1);
    }

    static String mainClass(String script, String role) {
        Matcher exec = Pattern.compile("(?s)exec java .*?(dev\\.hpo\\.[\\w.]+)").matcher(role(script, role));
        if (!exec.find()) {
            throw new AssertionError("role " + role + " of the entrypoint starts no dev.hpo main class");
        }
        return exec.group(1);
    }

    /** Every HPO_* variable the script reads. */
    static Set<String> variables(String script) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(script);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
