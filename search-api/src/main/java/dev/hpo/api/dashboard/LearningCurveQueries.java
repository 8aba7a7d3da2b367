package dev.hpo.api.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Learning curves of several trials in one query, so the chart costs the page one request, not one per trial. */
@Repository
class LearningCurveQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    LearningCurveQueries(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Curves of the trials that exist among {@code trialIds}, in the order asked for. */
    @Transactional(readOnly = true)
    public List<LearningCurve> curves(List<Long> trialIds, String metric) {
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", trialIds);
        Map<Long, long[]> trials = new LinkedHashMap<>();
        Map<Long, String> states = new LinkedHashMap<>();
        jdbc.query("SELECT id, number, state FROM trials WHERE id IN (:ids)", ids, rs -> {
            trials.put(rs.getLong(1), new long[] {rs.getLong(2)});
            states.put(rs.getLong(1), rs.getString(3));
        });
        // Only the latest attempt counts: a requeued trial started its training over.
        Map<Long, Integer> latestAttempt = new LinkedHashMap<>();
        Map<Long, List<double[]>> points = new LinkedHashMap<>();
        jdbc.query("""
                SELECT trial_id, attempt, elapsed_seconds, metrics_json, step FROM measurements
                 WHERE trial_id IN (:ids) ORDER BY trial_id, attempt, step""", ids, rs -> {
            long trial = rs.getLong(1);
            int attempt = rs.getInt(2);
            Integer latest = latestAttempt.get(trial);
            if (latest == null || attempt > latest) {
                latestAttempt.put(trial, attempt);
                points.put(trial, new ArrayList<>());
            }
            JsonNode value = tree(rs.getString(4)).get(metric);
            if (value != null && value.isNumber()) {
                points.get(trial).add(new double[] {rs.getDouble(3), value.doubleValue(), rs.getLong(5)});
            }
        });
        List<LearningCurve> curves = new ArrayList<>();
        for (Long id : trialIds) {
            long[] trial = trials.get(id);
            if (trial != null) {
                curves.add(new LearningCurve(id, trial[0], states.get(id), metric,
                        points.getOrDefault(id, Collections.emptyList())));
            }
        }
        return curves;
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored measurement holds invalid JSON", e);
        }
    }
}
