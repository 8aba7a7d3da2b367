package dev.hpo.api.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.api.dashboard.SpecReader.SpecFacts;
import dev.hpo.api.dashboard.StudyOverview.ParameterAxis;
import dev.hpo.study.Fidelity;
import dev.hpo.trial.Measurement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only projections of a study for its page. Plain SQL over the migration-owned schema rather than entities:
 * one pass over ten thousand rows, without loading or tracking ten thousand managed objects.
 */
@Repository
class StudyDashboardQueries {

    /** Metrics every trial of the built-in trainer reports; a study's own objectives and constraints come on top. */
    private static final List<String> STANDARD_METRICS = List.of("accuracy", "macs", "params", "loss", "wallSeconds");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final SpecReader specs;

    StudyDashboardQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.specs = new SpecReader(json);
    }

    /**
     * A tag that changes whenever anything the page shows changes: the study's state, any trial row (each update
     * bumps its version), a trial added, or a measurement reported by a running trial.
     */
    @Transactional(readOnly = true)
    public Optional<String> revision(long studyId) {
        List<String> tags = jdbc.query("""
                SELECT s.state, s.trials_created,
                       (SELECT COUNT(*) FROM trials t WHERE t.study_id = s.id),
                       (SELECT COALESCE(SUM(t.version), 0) FROM trials t WHERE t.study_id = s.id),
                       (SELECT COUNT(*) FROM measurements m JOIN trials t ON t.id = m.trial_id
                         WHERE t.study_id = s.id AND t.state = 'RUNNING')
                  FROM studies s WHERE s.id = ?""",
                (rs, n) -> rs.getString(1).toLowerCase() + "-" + rs.getLong(2) + "-" + rs.getLong(3) + "-"
                        + rs.getLong(4) + "-" + rs.getLong(5),
                studyId);
        return tags.stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<StudyDashboard> load(long studyId) {
        List<StudyRow> studies = jdbc.query(
                "SELECT id, name, spec_json, state, created_at, finished_at FROM studies WHERE id = ?",
                (rs, n) -> new StudyRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs, 5), instant(rs, 6)),
                studyId);
        if (studies.isEmpty()) {
            return Optional.empty();
        }
        StudyRow study = studies.get(0);
        SpecFacts spec = specs.read(study.specJson());
        Set<String> metricNames = new LinkedHashSet<>(STANDARD_METRICS);
        spec.objectives().forEach(o -> metricNames.add(o.metric()));
        spec.constraints().forEach(c -> metricNames.add(c.metric()));

        Map<Long, Integer> epochs = epochsByTrial(studyId);
        Map<Long, Double> progress = progressByTrial(studyId, spec.fidelity());
        ColumnsBuilder columns = new ColumnsBuilder(study.createdAt(), metricNames, spec.parameters());
        jdbc.query("""
                SELECT id, number, state, parameters_json, metrics_json, failure_reason, started_at, finished_at
                  FROM trials WHERE study_id = ? ORDER BY number""",
                rs -> {
                    long id = rs.getLong(1);
                    columns.add(id, rs.getLong(2), rs.getString(3), tree(rs.getString(4)), tree(rs.getString(5)),
                            rs.getString(6), instant(rs, 7), instant(rs, 8), epochs.get(id), progress.get(id));
                },
                studyId);
        Map<String, Long> counts = new LinkedHashMap<>();
        columns.state.forEach(s -> counts.merge(s, 1L, Long::sum));
        StudyOverview overview = new StudyOverview(study.id(), study.name(), spec.description(), study.state(),
                study.createdAt(), study.finishedAt(), spec.maxTrials(), spec.fidelity(), counts, spec.objectives(),
                spec.constraints(), spec.parameters());
        return Optional.of(new StudyDashboard(overview, columns.build()));
    }

    /** Distinct steps each trial reported, across attempts: how many epochs it got through. */
    private Map<Long, Integer> epochsByTrial(long studyId) {
        Map<Long, Integer> epochs = new HashMap<>();
        jdbc.query("""
                SELECT m.trial_id, COUNT(DISTINCT m.step) FROM measurements m JOIN trials t ON t.id = m.trial_id
                 WHERE t.study_id = ? GROUP BY m.trial_id""",
                rs -> {
                    epochs.put(rs.getLong(1), rs.getInt(2));
                },
                studyId);
        return epochs;
    }

    /**
     * How far each trial's latest attempt got, in the fidelity's unit: its highest step, or its latest elapsed
     * seconds, which grow with the step.
     */
    private Map<Long, Double> progressByTrial(long studyId, Fidelity fidelity) {
        Map<Long, Double> progress = new HashMap<>();
        jdbc.query("""
                SELECT m.trial_id, MAX(m.step), MAX(m.elapsed_seconds) FROM measurements m
                  JOIN trials t ON t.id = m.trial_id
                 WHERE t.study_id = ? AND m.attempt = t.attempts AND t.state <> 'WAITING' GROUP BY m.trial_id""",
                rs -> {
                    progress.put(rs.getLong(1), sixDigits(fidelity.position(Measurement.of(rs.getLong(2),
                            rs.getDouble(3), Map.of()))));
                },
                studyId);
        return progress;
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

    private JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored trial holds invalid JSON", e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private record StudyRow(long id, String name, String specJson, String state, Instant createdAt,
                            Instant finishedAt) {
    }

    /** Appends one trial at a time to every column, so all columns stay the same length. */
    private static final class ColumnsBuilder {
        private final Instant studyStart;
        private final List<ParameterAxis> axes;
        private final List<Long> id = new ArrayList<>();
        private final List<Long> number = new ArrayList<>();
        private final List<String> state = new ArrayList<>();
        private final List<Double> finishedSeconds = new ArrayList<>();
        private final List<Double> wallSeconds = new ArrayList<>();
        private final List<Integer> epochs = new ArrayList<>();
        private final List<Double> progress = new ArrayList<>();
        private final List<String> reason = new ArrayList<>();
        private final Map<String, List<Double>> metrics = new LinkedHashMap<>();
        private final Map<String, List<Object>> parameters = new LinkedHashMap<>();

        ColumnsBuilder(Instant studyStart, Set<String> metricNames, List<ParameterAxis> axes) {
            this.studyStart = studyStart;
            this.axes = axes;
            metricNames.forEach(m -> metrics.put(m, new ArrayList<>()));
            axes.forEach(p -> parameters.put(p.name(), new ArrayList<>()));
        }

        void add(long trialId, long trialNumber, String trialState, JsonNode parameterValues, JsonNode metricValues,
                 String failureReason, Instant startedAt, Instant finishedAt, Integer epochCount,
                 Double position) {
            id.add(trialId);
            number.add(trialNumber);
            state.add(trialState);
            finishedSeconds.add(finishedAt == null ? null : seconds(studyStart, finishedAt));
            for (Map.Entry<String, List<Double>> metric : metrics.entrySet()) {
                JsonNode v = metricValues == null ? null : metricValues.get(metric.getKey());
                metric.getValue().add(v != null && v.isNumber() ? sixDigits(v.doubleValue()) : null);
            }
            Double reportedWall = metrics.get("wallSeconds").get(id.size() - 1);
            wallSeconds.add(reportedWall != null ? reportedWall
                    : startedAt != null && finishedAt != null ? seconds(startedAt, finishedAt) : null);
            epochs.add(epochCount);
            progress.add(position);
            reason.add(failureReason);
            for (ParameterAxis axis : axes) {
                JsonNode v = parameterValues == null ? null : parameterValues.get(axis.name());
                parameters.get(axis.name()).add(value(v));
            }
        }

        TrialColumns build() {
            Map<String, List<Double>> metricColumns = new LinkedHashMap<>();
            metrics.forEach((k, v) -> metricColumns.put(k, Collections.unmodifiableList(v)));
            Map<String, List<Object>> parameterColumns = new LinkedHashMap<>();
            parameters.forEach((k, v) -> parameterColumns.put(k, Collections.unmodifiableList(v)));
            return new TrialColumns(Collections.unmodifiableList(id), Collections.unmodifiableList(number),
                    Collections.unmodifiableList(state), Collections.unmodifiableList(finishedSeconds),
                    Collections.unmodifiableList(wallSeconds), Collections.unmodifiableList(epochs),
                    Collections.unmodifiableList(progress), Collections.unmodifiableList(reason), Collections.unmodifiableMap(metricColumns),
                    Collections.unmodifiableMap(parameterColumns));
        }

        private static Object value(JsonNode v) {
            if (v == null || v.isNull()) {
                return null;
            }
            if (v.isIntegralNumber()) {
                return v.numberValue();
            }
            if (v.isNumber()) {
                return sixDigits(v.doubleValue());
            }
            if (v.isBoolean()) {
                return v.booleanValue();
            }
            return v.asText();
        }

        private static double seconds(Instant from, Instant to) {
            return Duration.between(from, to).toMillis() / 1000.0;
        }
    }
}
