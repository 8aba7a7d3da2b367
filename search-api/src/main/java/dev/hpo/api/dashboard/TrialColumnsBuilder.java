package dev.hpo.api.dashboard;

import dev.hpo.optimizer.StudyRanking;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Appends one trial at a time to every column of {@link TrialColumns}, so all columns stay the same length. */
final class TrialColumnsBuilder {

    private final Instant studyStart;
    private final StudyRanking ranking;
    private final List<Long> id = new ArrayList<>();
    private final List<Long> number = new ArrayList<>();
    private final List<String> state = new ArrayList<>();
    private final List<Double> finishedSeconds = new ArrayList<>();
    private final List<Double> wallSeconds = new ArrayList<>();
    private final List<Integer> epochs = new ArrayList<>();
    private final List<Double> progress = new ArrayList<>();
    private final List<String> reason = new ArrayList<>();
    private final List<Boolean> feasible = new ArrayList<>();
    private final List<Integer> rank = new ArrayList<>();
    private final List<Boolean> confirmation = new ArrayList<>();
    private final Map<String, List<Double>> metrics = new LinkedHashMap<>();
    private final Map<String, List<Object>> parameters = new LinkedHashMap<>();
    private final List<List<String>> artifacts = new ArrayList<>();

    /**
     * @param metricNames the metrics to keep a column of
     * @param parameterNames the parameters to keep a column of
     */
    TrialColumnsBuilder(Instant studyStart, StudyRanking ranking, Collection<String> metricNames,
                        Collection<String> parameterNames) {
        this.studyStart = studyStart;
        this.ranking = ranking;
        metricNames.forEach(m -> metrics.put(m, new ArrayList<>()));
        parameterNames.forEach(p -> parameters.put(p, new ArrayList<>()));
    }

    /**
     * Appends a trial as its next row.
     *
     * @param steps distinct measurement steps it reported, or null when none
     * @param position how far its latest attempt got in the study's fidelity unit, or null when it measured nothing
     * @param files the names of the files kept of it, empty for none
     */
    void add(Trial trial, Integer steps, Double position, List<String> files) {
        id.add(trial.id());
        number.add(trial.number());
        state.add(trial.state().name());
        finishedSeconds.add(trial.finishedAt() == null ? null : seconds(studyStart, trial.finishedAt()));
        for (Map.Entry<String, List<Double>> metric : metrics.entrySet()) {
            Double v = trial.metrics().get(metric.getKey());
            metric.getValue().add(v == null ? null : sixDigits(v));
        }
        wallSeconds.add(wallSeconds(trial));
        epochs.add(steps);
        progress.add(position == null ? null : sixDigits(position));
        reason.add(trial.failureReason());
        boolean complete = trial.state() == TrialState.COMPLETE;
        feasible.add(complete ? ranking.feasible(trial) : null);
        OptionalInt ranked = complete ? ranking.rank(trial) : OptionalInt.empty();
        rank.add(ranked.isPresent() ? Integer.valueOf(ranked.getAsInt()) : null);
        confirmation.add(trial.confirmation());
        for (Map.Entry<String, List<Object>> parameter : parameters.entrySet()) {
            parameter.getValue().add(value(trial.parameters().values().get(parameter.getKey())));
        }
        artifacts.add(files.isEmpty() ? null : List.copyOf(files));
    }

    TrialColumns build() {
        Map<String, List<Double>> metricColumns = new LinkedHashMap<>();
        metrics.forEach((k, v) -> metricColumns.put(k, Collections.unmodifiableList(v)));
        Map<String, List<Object>> parameterColumns = new LinkedHashMap<>();
        parameters.forEach((k, v) -> parameterColumns.put(k, Collections.unmodifiableList(v)));
        return new TrialColumns(Collections.unmodifiableList(id), Collections.unmodifiableList(number),
                Collections.unmodifiableList(state), Collections.unmodifiableList(finishedSeconds),
                Collections.unmodifiableList(wallSeconds), Collections.unmodifiableList(epochs),
                Collections.unmodifiableList(progress), Collections.unmodifiableList(reason),
                Collections.unmodifiableList(feasible), Collections.unmodifiableList(rank),
                Collections.unmodifiableList(confirmation), Collections.unmodifiableMap(metricColumns),
                Collections.unmodifiableMap(parameterColumns), Collections.unmodifiableList(artifacts));
    }

    /**
     * Six significant digits: more than any chart or table cell shows (the trial view has the exact values),
     * and a third fewer bytes for ten thousand trials than seventeen-digit doubles.
     */
    static double sixDigits(double value) {
        double magnitude = Math.abs(value);
        if (magnitude < 1e-12 || magnitude > 1e12 || !Double.isFinite(value) || value == Math.rint(value)) {
            return value;
        }
        double scale = Math.pow(10, 5 - Math.floor(Math.log10(magnitude)));
        return Math.round(value * scale) / scale;
    }

    /** A parameter value for the page: whole numbers, text and booleans as they are, other numbers shortened. */
    private static Object value(Object v) {
        if (v instanceof Double || v instanceof Float) {
            return sixDigits(((Number) v).doubleValue());
        }
        return v;
    }

    /** The trial's reported {@code wallSeconds}, else its time from start to end; null when it has neither. */
    private static Double wallSeconds(Trial trial) {
        Double reported = trial.metrics().get("wallSeconds");
        if (reported != null) {
            return sixDigits(reported);
        }
        if (trial.startedAt() != null && trial.finishedAt() != null) {
            return seconds(trial.startedAt(), trial.finishedAt());
        }
        return null;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
