package dev.hpo.trial;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The names and value types of the built-in trainer's options, the fields of {@link TrainingOptions}. Study specs
 * fix options by these names and search them as parameters, so their values are checked here once, with the
 * same rules {@link TrainingOptions} enforces.
 */
public final class TrainingVocabulary {

    /** The value type of an option, as it appears in JSON. */
    public enum Kind {
        /** A finite number, held as {@code Double}. */
        REAL,
        /** An integer, held as {@code Long}. */
        INTEGER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A string naming one of a fixed set of choices, held in lower case. */
        CHOICE
    }

    private static final Map<String, Kind> KINDS = kinds();

    private TrainingVocabulary() {
    }

    private static Map<String, Kind> kinds() {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        kinds.put("optimizer", Kind.CHOICE);
        kinds.put("learningRate", Kind.REAL);
        kinds.put("momentum", Kind.REAL);
        kinds.put("weightDecay", Kind.REAL);
        kinds.put("batchSize", Kind.INTEGER);
        kinds.put("labelSmoothing", Kind.REAL);
        kinds.put("samRho", Kind.REAL);
        kinds.put("gradientCentralization", Kind.BOOLEAN);
        kinds.put("activation", Kind.CHOICE);
        kinds.put("activationAlpha", Kind.REAL);
        kinds.put("warmupFraction", Kind.REAL);
        kinds.put("whitening", Kind.BOOLEAN);
        kinds.put("cropPadding", Kind.INTEGER);
        kinds.put("flip", Kind.BOOLEAN);
        kinds.put("cutout", Kind.INTEGER);
        kinds.put("flipTestTimeAugmentation", Kind.BOOLEAN);
        kinds.put("seed", Kind.INTEGER);
        return Collections.unmodifiableMap(kinds);
    }

    /** Every option name, in the order of {@link TrainingOptions}' components. */
    public static List<String> names() {
        return List.copyOf(KINDS.keySet());
    }

    public static Set<String> nameSet() {
        return KINDS.keySet();
    }

    public static boolean isOption(String name) {
        return KINDS.containsKey(name);
    }

    /**
     * @throws IllegalArgumentException when there is no such option
     */
    public static Kind kind(String name) {
        Kind kind = KINDS.get(name);
        if (kind == null) {
            throw new IllegalArgumentException("unknown training option '" + name + "', expected one of "
                    + String.join(", ", names()));
        }
        return kind;
    }

    /**
     * Checks one option value and returns it in canonical form ({@code Double}, {@code Long}, {@code Boolean} or a
     * lower-case {@code String}).
     *
     * @throws IllegalArgumentException with a reason that does not repeat the option's name
     */
    public static Object canonical(String name, Object value) {
        Object canonical = convert(name, kind(name), value);
        try {
            apply(TrainingOptions.defaults(), Map.of(name, canonical));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw new IllegalArgumentException(message.startsWith(name + " ") ? message.substring(name.length() + 1)
                    : message);
        }
        return canonical;
    }

    /**
     * Returns {@code base} with the given options replaced.
     *
     * @throws IllegalArgumentException naming every option that is unknown or out of range
     */
    public static TrainingOptions apply(TrainingOptions base, Map<String, ?> overrides) {
        TrainingOptionsBuilder options = TrainingOptionsBuilder.from(base);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            try {
                set(options, e.getKey(), convert(e.getKey(), kind(e.getKey()), e.getValue()));
            } catch (IllegalArgumentException ex) {
                problems.add(ex.getMessage().startsWith("unknown") ? ex.getMessage()
                        : e.getKey() + ": " + ex.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return options.build();
    }

    /** Sets one option from its converted value ({@code Double}, {@code Long}, {@code Boolean} or a string). */
    private static void set(TrainingOptionsBuilder options, String name, Object v) {
        switch (name) {
            case "optimizer" -> options.optimizer(Optimizer.fromId((String) v));
            case "learningRate" -> options.learningRate((Double) v);
            case "momentum" -> options.momentum((Double) v);
            case "weightDecay" -> options.weightDecay((Double) v);
            case "batchSize" -> options.batchSize(Math.toIntExact((Long) v));
            case "labelSmoothing" -> options.labelSmoothing((Double) v);
            case "samRho" -> options.samRho((Double) v);
            case "gradientCentralization" -> options.gradientCentralization((Boolean) v);
            case "activation" -> options.activation(Activation.fromId(((String) v).toLowerCase(Locale.ROOT)));
            case "activationAlpha" -> options.activationAlpha((Double) v);
            case "warmupFraction" -> options.warmupFraction((Double) v);
            case "whitening" -> options.whitening((Boolean) v);
            case "cropPadding" -> options.cropPadding(Math.toIntExact((Long) v));
            case "flip" -> options.flip((Boolean) v);
            case "cutout" -> options.cutout(Math.toIntExact((Long) v));
            case "flipTestTimeAugmentation" -> options.flipTestTimeAugmentation((Boolean) v);
            case "seed" -> options.seed((Long) v);
            default -> throw new IllegalArgumentException("unknown training option '" + name + "'");
        }
    }

    private static Object convert(String name, Kind kind, Object value) {
        switch (kind) {
            case REAL:
                if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
                    return n.doubleValue();
                }
                throw new IllegalArgumentException("must be a finite number, got " + describe(value));
            case INTEGER:
                if (value instanceof Number n && Double.isFinite(n.doubleValue())
                        && n.doubleValue() == Math.rint(n.doubleValue())
                        && Math.abs(n.doubleValue()) <= (name.equals("seed") ? 0x1p63 : Integer.MAX_VALUE)) {
                    return n.longValue();
                }
                throw new IllegalArgumentException("must be an integer, got " + describe(value));
            case BOOLEAN:
                if (value instanceof Boolean b) {
                    return b;
                }
                throw new IllegalArgumentException("must be true or false, got " + describe(value));
            default:
                if (!(value instanceof String s)) {
                    throw new IllegalArgumentException("must be a string, got " + describe(value));
                }
                return name.equals("optimizer") ? Optimizer.fromId(s).id() : Activation.fromId(s).id();
        }
    }

    private static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
