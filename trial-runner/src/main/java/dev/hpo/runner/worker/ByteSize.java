package dev.hpo.runner.worker;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as a person types them on the command line: {@code 512MB}, {@code 2GB}, {@code 64KB} or bytes. */
final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(B|KB|MB|GB)?");

    private ByteSize() {
    }

    /** @throws IllegalArgumentException naming the option when the text is not a positive size */
    static long parse(String option, String text) {
        Matcher m = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " must be a size such as 512MB, 2GB or 1048576, got '"
                    + text + "'");
        }
        long unit = switch (m.group(2) == null ? "B" : m.group(2)) {
            case "KB" -> 1024L;
            case "MB" -> 1024L * 1024;
            case "GB" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        long bytes = Long.parseLong(m.group(1)) * unit;
        if (bytes < 1) {
            throw new IllegalArgumentException(option + " must be positive, got '" + text + "'");
        }
        return bytes;
    }
}
