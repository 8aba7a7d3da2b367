package dev.hpo.cli.study;

import dev.hpo.study.Durations;
import dev.hpo.study.Fidelity;
import dev.hpo.study.FidelityUnit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How numbers, metrics and parameters read on a terminal. */
final class Format {

    private Format() {
    }

    /** A metric's value in the unit people think in: counts with k/M/G, fractions with 4 digits. */
    static String metric(String name, double value) {
        if (name.equals("macs") || name.equals("params") || Math.abs(value) >= 10_000) {
            return count(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 10_000) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }

    static String count(double value) {
        double abs = Math.abs(value);
        if (abs >= 1e9) {
            return String.format(Locale.ROOT, "%.2fG", value / 1e9);
        }
        if (abs >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", value / 1e6);
        }
        if (abs >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", value / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", value);
    }

    /** {@code accuracy=0.8412 macs=12.30M}, in the order given, then the rest. */
    static String metrics(Map<String, Double> metrics, List<String> first) {
        List<String> parts = new ArrayList<>();
        for (String name : first) {
            Double value = metrics.get(name);
            if (value != null) {
                parts.add(name + "=" + metric(name, value));
            }
        }
        metrics.forEach((name, value) -> {
            if (!first.contains(name) && value != null) {
                parts.add(name + "=" + metric(name, value));
            }
        });
        return String.join(" ", parts);
    }

    /** {@code width=0.5 optimizer=adam}: fractional numbers with 4 significant digits. */
    static String parameters(Map<String, Object> parameters) {
        List<String> parts = new ArrayList<>();
        parameters.forEach((name, value) -> parts.add(name + "=" + (value instanceof Double || value instanceof Float
                ? String.format(Locale.ROOT, "%.4g", ((Number) value).doubleValue()) : String.valueOf(value))));
        return String.join(" ", parts);
    }

    /**
     * How far a trial got against its budget, in the study's fidelity unit: {@code 26/52 steps}, or
     * {@code 4m10s/10m} in seconds; {@code -} before it measured anything.
     */
    static String progress(Double position, Fidelity fidelity) {
        if (fidelity == null) {
            return position == null ? "-" : metric("progress", position);
        }
        if (fidelity.unit() == FidelityUnit.STEPS) {
            return (position == null ? "-" : metric("step", position)) + "/" + (long) fidelity.max() + " steps";
        }
        return (position == null ? "-" : duration(Durations.ofSeconds(position))) + "/"
                + duration(Durations.ofSeconds(fidelity.max()));
    }

    /** {@code [7,8]}: trial ids as JSON writes them. */
    static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }

    /** {@code 1h02m}, {@code 3m05s} or {@code 12s}. */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return seconds + "s";
    }

    /** Left-aligned columns, two spaces apart. */
    static String table(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            widths[i] = header.get(i).length();
        }
        for (List<String> row : rows) {
            for (int i = 0; i < row.size() && i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, header, widths);
        for (List<String> row : rows) {
            appendRow(out, row, widths);
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            line.append(i == cells.size() - 1 ? cells.get(i) : pad(cells.get(i), widths[i]));
        }
        out.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
