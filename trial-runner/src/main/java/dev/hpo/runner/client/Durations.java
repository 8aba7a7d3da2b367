package dev.hpo.runner.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the API and users write them: {@code 90s}, {@code 10m}, {@code 1h}, ISO-8601, or seconds. */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /** @throws IllegalArgumentException naming {@code field} when the value is not a positive duration */
    public static Duration parse(String field, JsonNode value) {
        if (value.isNumber()) {
            return positive(field, Duration.ofMillis(Math.round(value.asDouble() * 1000)));
        }
        return parse(field, value.asText());
    }

    /** @throws IllegalArgumentException naming {@code field} when the text is not a positive duration */
    public static Duration parse(String field, String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(trimmed);
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            double millis = switch (m.group(2)) {
                case "ms" -> amount;
                case "s" -> amount * 1_000;
                case "m" -> amount * 60_000;
                case "h" -> amount * 3_600_000;
                default -> amount * 86_400_000;
            };
            return positive(field, Duration.ofMillis(Math.round(millis)));
        }
        if (trimmed.matches("\\d+(\\.\\d+)?")) {
            return positive(field, Duration.ofMillis(Math.round(Double.parseDouble(trimmed) * 1000)));
        }
        try {
            return positive(field, Duration.parse(text.trim().toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + text
                    + "' is not a duration (examples: 90s, 10m, 1h, PT90S)");
        }
    }

    /** {@code 1h02m}, {@code 3m05s} or {@code 12s}: short, for progress lines. */
    public static String format(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return seconds + "s";
    }

    private static Duration positive(String field, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, got " + d);
        }
        return d;
    }
}
