package dev.hpo.api.portable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.api.trial.RecordedMeasurement;
import dev.hpo.protocol.ArchivedMeasurement;
import dev.hpo.api.artifact.ArtifactName;
import dev.hpo.protocol.ArtifactReference;
import dev.hpo.study.FieldError;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.Trial;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of {@link ArchiveCheck} that reads what refers to the archive's trials by number: measurements of every
 * attempt and artifact references. Problems go to the list the whole check collects.
 */
final class ArchiveRecordsCheck {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<Long> numbers;
    private final Map<Long, Trial> trials;
    private final List<FieldError> errors;

    /**
     * @param numbers the numbers of every trial of the archive
     * @param trials the archive's trials that passed their checks, by number
     * @param errors where problems are added
     */
    ArchiveRecordsCheck(Set<Long> numbers, Map<Long, Trial> trials, List<FieldError> errors) {
        this.numbers = numbers;
        this.trials = trials;
        this.errors = errors;
    }

    /** The measurements by trial number, each trial's in attempt and step order; absent means none. */
    Map<Long, List<RecordedMeasurement>> measurements(List<ArchivedMeasurement> archived) {
        Map<Long, List<RecordedMeasurement>> byTrial = new HashMap<>();
        if (archived == null) {
            return byTrial;
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < archived.size(); i++) {
            String at = "measurements[" + i + "]";
            ArchivedMeasurement m = archived.get(i);
            if (m == null) {
                add(at, "must be an object, got null");
                continue;
            }
            int before = errors.size();
            Trial trial = trial(at, m.trialNumber());
            if (required(at + ".attempt", m.attempt()) && trial != null
                    && (m.attempt() < 1 || m.attempt() > trial.attempts())) {
                add(at + ".attempt", trial.attempts() == 0
                        ? "must be absent: trial " + trial.number() + " never ran (0 attempts), got " + m.attempt()
                        : "must be in [1, " + trial.attempts() + "], the attempts of trial " + trial.number()
                                + ", got " + m.attempt());
            }
            if (required(at + ".step", m.step()) && m.step() < 0) {
                add(at + ".step", "must be at least 0, got " + m.step());
            }
            if (required(at + ".elapsedSeconds", m.elapsedSeconds())
                    && !(m.elapsedSeconds() >= 0 && Double.isFinite(m.elapsedSeconds()))) {
                add(at + ".elapsedSeconds", "must be a finite number of at least 0, got " + m.elapsedSeconds());
            }
            required(at + ".reportedAt", m.reportedAt());
            Map<String, Double> metrics = required(at + ".metrics", m.metrics())
                    ? finiteMetrics(at + ".metrics", m.metrics(), errors) : Map.of();
            if (errors.size() > before) {
                continue;
            }
            Integer first = firstIndex.putIfAbsent(m.trialNumber() + "/" + m.attempt() + "/" + m.step(), i);
            if (first != null) {
                add(at, "trial " + m.trialNumber() + ", attempt " + m.attempt() + ", step " + m.step()
                        + " appears twice, first as measurements[" + first + "]");
                continue;
            }
            try {
                Measurement measurement = Measurement.of(m.step(), m.elapsedSeconds(), metrics);
                if (jsonLength(metrics) > ArchiveCheck.MAX_JSON_COLUMN) {
                    add(at + ".metrics", "must be at most " + ArchiveCheck.MAX_JSON_COLUMN + " characters as JSON");
                    continue;
                }
                byTrial.computeIfAbsent(m.trialNumber(), n -> new ArrayList<>())
                        .add(new RecordedMeasurement(m.attempt(), measurement, m.reportedAt()));
            } catch (IllegalArgumentException e) {
                add(at, e.getMessage());
            }
        }
        byTrial.values().forEach(list -> list.sort((a, b) -> a.attempt() != b.attempt()
                ? Integer.compare(a.attempt(), b.attempt())
                : Long.compare(a.measurement().step(), b.measurement().step())));
        return byTrial;
    }

    /** Artifact references: each names a trial of the archive and a plain file name, with its size and checksum. */
    List<ArtifactReference> artifacts(List<ArtifactReference> archived) {
        if (archived == null) {
            return List.of();
        }
        Set<String> named = new HashSet<>();
        for (int i = 0; i < archived.size(); i++) {
            String at = "artifacts[" + i + "]";
            ArtifactReference a = archived.get(i);
            if (a == null) {
                add(at, "must be an object, got null");
                continue;
            }
            trial(at, a.trialNumber());
            if (required(at + ".name", a.name())) {
                ArtifactName.problem(a.name()).ifPresent(problem -> add(at + ".name", problem));
                if (a.trialNumber() != null && !named.add(a.trialNumber() + "/" + a.name())) {
                    add(at + ".name", "trial " + a.trialNumber() + " has another artifact named \"" + a.name()
                            + "\"");
                }
            }
            if (required(at + ".sizeBytes", a.sizeBytes()) && a.sizeBytes() < 0) {
                add(at + ".sizeBytes", "must be at least 0, got " + a.sizeBytes());
            }
            if (required(at + ".sha256", a.sha256()) && !SHA256.matcher(a.sha256()).matches()) {
                add(at + ".sha256", "must be 64 lowercase hex digits");
            }
        }
        return archived;
    }

    /** The metrics with every value present and finite; each one that is not is reported. */
    static Map<String, Double> finiteMetrics(String at, Map<String, Double> metrics, List<FieldError> errors) {
        Map<String, Double> finite = new LinkedHashMap<>();
        metrics.forEach((name, value) -> {
            if (value == null || !Double.isFinite(value)) {
                errors.add(new FieldError(at + "." + name, "must be a finite number, got " + value));
            } else if (name.isBlank()) {
                errors.add(new FieldError(at, "metric names must not be blank"));
            } else {
                finite.put(name, value);
            }
        });
        return finite;
    }

    /** How long a map is as the JSON text a column stores. */
    static int jsonLength(Map<String, ?> values) {
        try {
            return JSON.writeValueAsString(values).length();
        } catch (JsonProcessingException e) {
            return Integer.MAX_VALUE;
        }
    }

    /**
     * The archive's trial of that number; null when it holds none (reported) or when that trial has problems of its
     * own (reported with it).
     */
    private Trial trial(String at, Long number) {
        if (!required(at + ".trialNumber", number)) {
            return null;
        }
        if (!numbers.contains(number)) {
            add(at + ".trialNumber", "no trial numbered " + number + " in the archive");
        }
        return trials.get(number);
    }

    private boolean required(String path, Object value) {
        if (value == null) {
            errors.add(new FieldError(path, "is required"));
            return false;
        }
        return true;
    }

    private void add(String path, String message) {
        errors.add(new FieldError(path, message));
    }
}
