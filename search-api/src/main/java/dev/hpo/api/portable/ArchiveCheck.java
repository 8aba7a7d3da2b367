package dev.hpo.api.portable;

import dev.hpo.api.error.ApiException;
import dev.hpo.api.trial.RecordedMeasurement;
import dev.hpo.protocol.ArchivedStudy;
import dev.hpo.protocol.ArchivedTrial;
import dev.hpo.protocol.ArtifactReference;
import dev.hpo.protocol.StudyArchive;
import dev.hpo.space.Configuration;
import dev.hpo.space.InvalidConfigurationException;
import dev.hpo.study.FieldError;
import dev.hpo.study.InvalidSpecException;
import dev.hpo.study.StudySpec;
import dev.hpo.study.StudySpecParser;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a {@link StudyArchive} into what the service stores, finding every problem of it in one pass, each with
 * its path in the document ({@code trials[3].state}, {@code measurements[12].trialNumber}). The study and its trials
 * are checked here, measurements and artifact references by {@link ArchiveRecordsCheck}; nothing is stored unless
 * all of it passes.
 */
final class ArchiveCheck {

    /** The widths of the trial columns an archive's text goes into. */
    static final int MAX_WORKER_ID = 200;
    static final int MAX_ENGINE = 100;
    static final int MAX_FAILURE_REASON = 2000;
    static final int MAX_JSON_COLUMN = 65536;
    static final int MAX_SPEC = 1048576;

    private final List<FieldError> errors = new ArrayList<>();

    private ArchiveCheck() {
    }

    /** The archive's format version, once read. */
    private int formatVersion;

    /**
     * @throws ApiException.InvalidRequest listing every problem of the archive
     */
    static CheckedArchive check(StudyArchive archive) {
        return new ArchiveCheck().read(archive);
    }

    private CheckedArchive read(StudyArchive archive) {
        if (archive.formatVersion() == null) {
            throw invalid(List.of(new FieldError("formatVersion", "is required; this service reads versions "
                    + StudyArchive.READABLE_VERSIONS)));
        }
        if (!StudyArchive.READABLE_VERSIONS.contains(archive.formatVersion())) {
            // Another version may mean anything by its other fields, so they are not judged.
            throw invalid(List.of(new FieldError("formatVersion", "must be one of " + StudyArchive.READABLE_VERSIONS
                    + ", the versions this service reads, got " + archive.formatVersion())));
        }
        formatVersion = archive.formatVersion();
        ArchivedStudy study = archive.study();
        Optional<StudySpec> spec = Optional.empty();
        String specJson = null;
        if (study == null) {
            add("study", "is required");
        } else {
            studyFields(study);
            specJson = study.spec() == null ? null : study.spec().toString();
            spec = spec(study);
        }
        List<Trial> trials = archive.trials() == null ? List.of() : trials(archive.trials(), spec);
        if (archive.trials() == null) {
            add("trials", "is required (an empty list for a study without trials)");
        }
        Map<Long, Trial> byNumber = new HashMap<>();
        trials.forEach(t -> byNumber.put(t.number(), t));
        Set<Long> numbers = archive.trials() == null ? Set.of() : archive.trials().stream()
                .filter(t -> t != null && t.number() != null).map(ArchivedTrial::number).collect(Collectors.toSet());
        ArchiveRecordsCheck records = new ArchiveRecordsCheck(numbers, byNumber, errors);
        Map<Long, List<RecordedMeasurement>> measurements = records.measurements(archive.measurements());
        List<ArtifactReference> artifacts = records.artifacts(archive.artifacts());
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new CheckedArchive(spec.orElseThrow(), specJson, study.state(), study.exhausted(), study.createdAt(),
                study.finishedAt(), trials, measurements, artifacts);
    }

    private void studyFields(ArchivedStudy study) {
        if (study.state() == null) {
            add("study.state", "is required");
        } else if (!study.state().finished()) {
            add("study.state", "must be COMPLETED or STOPPED: an archive holds a finished study, got "
                    + study.state());
        }
        required("study.exhausted", study.exhausted());
        required("study.createdAt", study.createdAt());
        required("study.finishedAt", study.finishedAt());
        if (study.createdAt() != null && study.finishedAt() != null && study.finishedAt().isBefore(study.createdAt())) {
            add("study.finishedAt", "must not be before study.createdAt");
        }
    }

    private Optional<StudySpec> spec(ArchivedStudy study) {
        if (study.spec() == null) {
            add("study.spec", "is required");
            return Optional.empty();
        }
        if (study.spec().toString().length() > MAX_SPEC) {
            add("study.spec", "must be at most " + MAX_SPEC + " characters as JSON");
            return Optional.empty();
        }
        try {
            return Optional.of(StudySpecParser.parse(study.spec()));
        } catch (InvalidSpecException e) {
            e.errors().forEach(error -> add(error.path().equals("$") ? "study.spec" : "study.spec." + error.path(),
                    error.message()));
            return Optional.empty();
        }
    }

    private List<Trial> trials(List<ArchivedTrial> archived, Optional<StudySpec> spec) {
        List<Trial> trials = new ArrayList<>();
        Map<Long, Integer> firstIndex = new LinkedHashMap<>();
        for (int i = 0; i < archived.size(); i++) {
            String at = "trials[" + i + "]";
            ArchivedTrial t = archived.get(i);
            if (t == null) {
                add(at, "must be an object, got null");
                continue;
            }
            int before = errors.size();
            if (t.number() != null) {
                Integer first = firstIndex.putIfAbsent(t.number(), i);
                if (first != null) {
                    add(at + ".number", "trial " + t.number() + " appears twice, first as trials[" + first + "]");
                }
            }
            trial(at, t, spec).filter(x -> errors.size() == before).ifPresent(trials::add);
        }
        for (int i = 0; i < archived.size(); i++) {
            ArchivedTrial t = archived.get(i);
            if (t != null && t.configKey() != null && t.number() != null && t.configKey() <= t.number()
                    && t.configKey() >= 0 && !firstIndex.containsKey(t.configKey())) {
                add("trials[" + i + "].configKey", "names trial " + t.configKey()
                        + ", the first of its configuration, which is not in the archive");
            }
        }
        return trials;
    }

    private Optional<Trial> trial(String at, ArchivedTrial t, Optional<StudySpec> spec) {
        int before = errors.size();
        atLeast(at + ".number", t.number(), 0);
        atLeast(at + ".repeat", t.repeat() == null ? null : t.repeat().longValue(), 0);
        atLeast(at + ".attempts", t.attempts() == null ? null : t.attempts().longValue(), 0);
        if (atLeast(at + ".configKey", t.configKey(), 0) && t.number() != null && t.configKey() > t.number()) {
            add(at + ".configKey", "must be at most the trial's number (" + t.number() + "), got " + t.configKey());
        }
        required(at + ".enqueued", t.enqueued());
        // Version 1 had no confirmation runs: there the flag is absent and false.
        if (formatVersion >= 2) {
            required(at + ".confirmation", t.confirmation());
        } else if (t.confirmation() != null) {
            add(at + ".confirmation", "is not part of format version 1; write formatVersion 2");
        }
        required(at + ".createdAt", t.createdAt());
        if (t.state() == null) {
            add(at + ".state", "is required");
        } else if (!t.state().isFinished()) {
            add(at + ".state", "must be COMPLETE, FAILED, PRUNED or STOPPED: an archive holds finished trials, got "
                    + t.state());
        }
        if (t.stopRequested() != null && t.stopRequested() != TrialState.PRUNED
                && t.stopRequested() != TrialState.STOPPED) {
            add(at + ".stopRequested", "must be PRUNED or STOPPED when present, got " + t.stopRequested());
        }
        text(at + ".workerId", t.workerId(), MAX_WORKER_ID);
        text(at + ".engine", t.engine(), MAX_ENGINE);
        text(at + ".failureReason", t.failureReason(), MAX_FAILURE_REASON);
        Map<String, Double> metrics = ArchiveRecordsCheck.finiteMetrics(at + ".metrics",
                t.metrics() == null ? Map.of() : t.metrics(), errors);
        if (required(at + ".parameters", t.parameters())) {
            parameters(at + ".parameters", t.parameters(), spec);
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        Trial trial;
        try {
            trial = new Trial(0, 0, t.number(), t.configKey(), t.repeat(), t.enqueued(),
                    Boolean.TRUE.equals(t.confirmation()), Configuration.of(t.parameters()), t.state(), t.stopRequested(), t.workerId(), t.engine(),
                    t.attempts(), metrics, t.failureReason(), List.of(), t.createdAt(), t.startedAt(),
                    t.finishedAt(), t.lastHeartbeatAt());
        } catch (IllegalArgumentException e) {
            add(at, e.getMessage());
            return Optional.empty();
        }
        if (ArchiveRecordsCheck.jsonLength(trial.parameters().values()) > MAX_JSON_COLUMN) {
            add(at + ".parameters", "must be at most " + MAX_JSON_COLUMN + " characters as JSON");
        }
        if (ArchiveRecordsCheck.jsonLength(metrics) > MAX_JSON_COLUMN) {
            add(at + ".metrics", "must be at most " + MAX_JSON_COLUMN + " characters as JSON");
        }
        return errors.size() > before ? Optional.empty() : Optional.of(trial);
    }

    /** The trial's configuration must belong to the study's search space, as every stored trial's does. */
    private void parameters(String at, Map<String, Object> parameters, Optional<StudySpec> spec) {
        if (spec.isEmpty()) {
            return;
        }
        try {
            spec.get().searchSpace().canonical(Configuration.of(parameters));
        } catch (InvalidConfigurationException e) {
            for (String problem : e.problems()) {
                int colon = problem.indexOf(": ");
                if (colon < 0) {
                    add(at, problem);
                } else {
                    add(at + "." + problem.substring(0, colon), problem.substring(colon + 2));
                }
            }
        } catch (IllegalArgumentException e) {
            add(at, e.getMessage());
        }
    }

    private boolean atLeast(String path, Long value, long min) {
        if (!required(path, value)) {
            return false;
        }
        if (value < min) {
            add(path, "must be at least " + min + ", got " + value);
            return false;
        }
        return true;
    }

    private void text(String path, String value, int max) {
        if (value != null && value.length() > max) {
            add(path, "must be at most " + max + " characters, got " + value.length());
        }
    }

    private boolean required(String path, Object value) {
        if (value == null) {
            add(path, "is required");
            return false;
        }
        return true;
    }

    private void add(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    private static ApiException.InvalidRequest invalid(List<FieldError> errors) {
        return new ApiException.InvalidRequest("The study archive is invalid; nothing was imported.", errors);
    }
}
