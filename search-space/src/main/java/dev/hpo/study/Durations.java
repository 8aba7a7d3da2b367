package dev.hpo.study;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as study specs write them: a number and a unit ({@code 90s}, {@code 10m}, {@code 1.5h}, {@code 2d},
 * {@code 250ms}), several such parts ({@code 1h30m}), or ISO-8601 ({@code PT10M}).
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h|d))+");

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException when the text is neither form
     */
    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p") || t.startsWith("-p")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        if (!WHOLE.matcher(t).matches()) {
            throw invalid(text);
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanosPer(m.group(2)))));
        }
        try {
            return Duration.ofNanos(nanos.longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("duration '" + text + "' is too long or not a whole number of "
                    + "nanoseconds");
        }
    }

    /** The shortest exact text in the largest fitting unit: {@code 12h}, {@code 10m}, {@code 90s}, {@code 250ms}. */
    public static String format(Duration d) {
        if (d.isNegative()) {
            return d.toString();
        }
        if (d.getNano() == 0) {
            long s = d.getSeconds();
            if (s != 0 && s % 3600 == 0) {
                return s / 3600 + "h";
            }
            if (s != 0 && s % 60 == 0) {
                return s / 60 + "m";
            }
            return s + "s";
        }
        if (d.getNano() % 1_000_000 == 0 && d.getSeconds() < Long.MAX_VALUE / 1000) {
            return d.toMillis() + "ms";
        }
        return d.toString();
    }

    private static long nanosPer(String unit) {
        return switch (unit) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L;
        };
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("must be a duration such as \"90s\", \"10m\", \"12h\" or \"PT10M\", got \""
                + text + "\"");
    }
}
