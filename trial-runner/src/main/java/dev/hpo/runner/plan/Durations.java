package dev.hpo.runner.plan;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the time caps users type: {@code 120s}, {@code 10m}, {@code 1.5h}, {@code 90} (seconds) or ISO-8601. */
public final class Durations {

    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

    private Durations() {
    }

    /** @throws IllegalArgumentException when the text is not a positive duration */
    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration duration;
        Matcher m = AMOUNT.matcher(t);
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double millis = switch (unit) {
                case "ms" -> amount;
                case "s" -> amount * 1e3;
                case "m", "min" -> amount * 60e3;
                default -> amount * 3600e3;
            };
            duration = Duration.ofMillis(Math.round(millis));
        } else {
            try {
                duration = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("time cap must look like 120s, 10m, 1h or 90, got '" + text + "'");
            }
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("time cap must be positive, got '" + text + "'");
        }
        return duration;
    }

    /** Seconds as a JSON-friendly number. */
    public static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
