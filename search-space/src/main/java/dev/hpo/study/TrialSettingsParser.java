package dev.hpo.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import dev.hpo.trial.DataSpec;
import dev.hpo.trial.Dataset;
import dev.hpo.trial.TrainingVocabulary;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads a spec's {@code trialSettings} object, reporting every problem with its path. */
final class TrialSettingsParser {

    static final List<String> FIELDS = List.of("timeCap", "repeats", "heartbeatTimeout", "maxRetries", "dataset",
            "model", "training");
    private static final List<String> DATASET_FIELDS = List.of("name", "directory", "trainPerClass", "valPerClass",
            "input", "classes");
    static final int MAX_REPEATS = 100;
    static final int MAX_RETRIES = 100;
    static final int MAX_PER_CLASS = 1_000_000;
    static final Duration MAX_HEARTBEAT_TIMEOUT = Duration.ofHours(1);

    private TrialSettingsParser() {
    }

    /** The trial settings, or empty when any part has a problem (all reported). */
    static Optional<TrialSettings> parse(SpecObject s) {
        Problems problems = s.problems();
        int before = problems.count();
        Duration timeCap = positive(s, "timeCap", TrialSettings.DEFAULT_TIME_CAP, TrialSettings.MAX_TIME_CAP);
        long repeats = s.integer("repeats", false, 1, MAX_REPEATS).orElse(1);
        Duration heartbeat = positive(s, "heartbeatTimeout", TrialSettings.DEFAULT_HEARTBEAT_TIMEOUT,
                MAX_HEARTBEAT_TIMEOUT);
        long maxRetries = s.integer("maxRetries", false, 0, MAX_RETRIES).orElse(TrialSettings.DEFAULT_MAX_RETRIES);
        Optional<DatasetSettings> dataset = s.object("dataset", false, DATASET_FIELDS).flatMap(d -> dataset(d));
        Optional<ModelFamily> model = s.object("model", false, List.of("family")).flatMap(m -> model(m));
        Map<String, Object> training = s.object("training", false, TrainingVocabulary.names())
                .map(TrialSettingsParser::training).orElse(Map.of());
        if (s.has("model") && !s.has("dataset")) {
            problems.add(s.path("dataset"), "is required when a model is set");
        }
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new TrialSettings(timeCap, (int) repeats, dataset, model, training, heartbeat,
                (int) maxRetries));
    }

    private static Duration positive(SpecObject s, String field, Duration fallback, Duration max) {
        Optional<Duration> d = s.duration(field, false);
        String given = s.get(field).map(JsonNode::asText).orElse("");
        if (d.isPresent() && (d.get().isNegative() || d.get().isZero())) {
            s.problems().add(s.path(field), "must be positive, got " + given);
        } else if (d.isPresent() && d.get().compareTo(max) > 0) {
            s.problems().add(s.path(field), "must be at most " + Durations.format(max) + ", got "
                    + given);
        }
        return d.orElse(fallback);
    }

    private static Optional<DatasetSettings> dataset(SpecObject d) {
        Problems problems = d.problems();
        int before = problems.count();
        Optional<Dataset> name = d.string("name", true).flatMap(n -> {
            try {
                return Optional.of(Dataset.fromId(n));
            } catch (IllegalArgumentException e) {
                problems.add(d.path("name"), "unknown dataset \"" + n + "\", expected one of " + Dataset.ids());
                return Optional.empty();
            }
        });
        Optional<String> directory = d.string("directory", false);
        directory.flatMap(DatasetDirectories::problem).ifPresent(p -> problems.add(d.path("directory"), p));
        long train = d.integer("trainPerClass", false, 1, MAX_PER_CLASS).orElse(DataSpec.DEFAULT_TRAIN_PER_CLASS);
        long val = d.integer("valPerClass", false, 1, MAX_PER_CLASS).orElse(DataSpec.DEFAULT_VAL_PER_CLASS);
        Optional<InputShape> input = d.string("input", false).flatMap(text -> {
            try {
                return Optional.of(InputShape.parse(text));
            } catch (IllegalArgumentException e) {
                problems.add(d.path("input"), e.getMessage());
                return Optional.empty();
            }
        });
        OptionalLong classes = d.integer("classes", false, 2, 100_000);
        if (name.isEmpty() || problems.count() > before) {
            return Optional.empty();
        }
        Optional<InputShape> nativeInput = name.get().nativeInput();
        if (nativeInput.isPresent()) {
            for (String field : List.of("input", "classes")) {
                if (d.has(field)) {
                    problems.add(d.path(field), "is fixed by " + name.get().id() + " (" + nativeInput.get() + ", "
                            + name.get().nativeClasses() + " classes); only a folder dataset takes it");
                }
            }
            if (problems.count() > before) {
                return Optional.empty();
            }
            return Optional.of(new DatasetSettings(name.get(), directory, (int) train, (int) val,
                    nativeInput.get(), name.get().nativeClasses()));
        }
        if (input.isEmpty()) {
            problems.add(d.path("input"), "is required for a folder dataset: the CxHxW its images are resized to, "
                    + "e.g. \"3x84x84\"");
        }
        if (classes.isEmpty()) {
            problems.add(d.path("classes"), "is required for a folder dataset: its number of class subfolders");
        }
        if (directory.isEmpty()) {
            problems.add(d.path("directory"), "is required for a folder dataset");
        }
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new DatasetSettings(name.get(), directory, (int) train, (int) val, input.get(),
                (int) classes.getAsLong()));
    }

    private static Optional<ModelFamily> model(SpecObject m) {
        return m.string("family", true).flatMap(f -> {
            try {
                return Optional.of(ModelFamily.fromId(f));
            } catch (IllegalArgumentException e) {
                m.problems().add(m.path("family"), "unknown model family \"" + f + "\", expected one of "
                        + ModelFamily.ids());
                return Optional.empty();
            }
        });
    }

    /** Fixed trainer options in canonical form; unknown names were already reported by the object reader. */
    private static Map<String, Object> training(SpecObject t) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (Iterator<String> it = t.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!TrainingVocabulary.isOption(name) || !t.has(name)) {
                continue;
            }
            try {
                options.put(name, TrainingVocabulary.canonical(name, JsonValues.toJava(t.get(name).orElseThrow())));
            } catch (IllegalArgumentException e) {
                t.problems().add(t.path(name), e.getMessage());
            }
        }
        return options;
    }
}
