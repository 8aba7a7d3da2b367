package dev.hpo.study;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way durations are written, wherever a person types one (a study spec, a CLI or worker option): a plain
 * number of seconds ({@code 90}, {@code 1.5}), a number and a unit, {@code ms}, {@code s}, {@code m} or
 * {@code min}, {@code h}, {@code d} ({@code 500ms}, {@code 120s}, {@code 10m}, {@code 1.5h}, {@code 2d}), several
 * such parts ({@code 1h30m}), or ISO-8601 ({@code PT10M}). Case and surrounding blanks do not matter.
 */
public final class Durations {

    private static final Pattern SECONDS = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|min|s|m|h|d)");
    private static final Pattern PARTS = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|min|s|m|h|d))+");
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private Durations() {
    }

    /**
     * Reads a duration in any of the forms above; zero is a duration, and so is a negative ISO-8601 one, for callers
     * that report those as out of range themselves.
     *
     * @throws IllegalArgumentException when the text is none of the forms, saying which forms there are
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
        if (SECONDS.matcher(t).matches()) {
            return exact(new BigDecimal(t).multiply(NANOS_PER_SECOND), text);
        }
        if (!PARTS.matcher(t).matches()) {
            throw invalid(text);
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanosPer(m.group(2)))));
        }
        return exact(nanos, text);
    }

    /**
     * Reads a duration that must be longer than zero, such as a time cap or a polling interval typed as an option.
     *
     * @param field what the duration is, e.g. {@code --idle-poll}; every message starts with it
     * @throws IllegalArgumentException naming the field when the text is not a duration or not positive
     */
    public static Duration positive(String field, String text) {
        Duration d;
        try {
            d = parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " " + e.getMessage(), e);
        }
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(field + " must be positive, got \"" + text.trim() + "\"");
        }
        return d;
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

    /** Seconds with their fraction, as JSON documents carry them ({@code timeCapSeconds}). */
    public static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /**
     * The duration of {@code seconds} to the nanosecond.
     *
     * @throws IllegalArgumentException when {@code seconds} is not a finite number
     */
    public static Duration ofSeconds(double seconds) {
        if (!Double.isFinite(seconds)) {
            throw new IllegalArgumentException("seconds must be a finite number, got " + seconds);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static Duration exact(BigDecimal nanos, String text) {
        try {
            return Duration.ofNanos(nanos.longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("duration \"" + text.trim() + "\" is too long or not a whole number"
                    + " of nanoseconds");
        }
    }

    private static long nanosPer(String unit) {
        return switch (unit) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m", "min" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L;
        };
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("must be a duration such as \"90\" (seconds), \"500ms\", \"10m\", \"1h30m\","
                + " \"2d\" or \"PT10M\", got \"" + text.trim() + "\"");
    }
}
