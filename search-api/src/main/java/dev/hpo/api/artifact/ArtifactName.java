package dev.hpo.api.artifact;

import java.util.Optional;

/**
 * The rule for the name of a trial's file: a plain file name, so that no name can point outside the artifact store
 * however it is used. On disk files are kept under ids, never under these names.
 */
public final class ArtifactName {

    public static final int MAX_LENGTH = 255;

    private ArtifactName() {
    }

    /** What is wrong with {@code name}, or empty for a plain file name. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (name.length() > MAX_LENGTH || name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7f)) {
            return Optional.of("must be a plain file name (no folders, no control characters, at most " + MAX_LENGTH
                    + " characters), got \"" + printable(name) + "\"");
        }
        return Optional.empty();
    }

    /** The name with control characters escaped, fit to quote in a message. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(MAX_LENGTH + 1L).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
