package dev.hpo.api.trial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.space.Configuration;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The columns of a trial row and of a measurement row, to and from their domain values. Configurations and metric
 * maps are stored as JSON text, which both databases keep as it was written.
 */
@Component
class TrialRowMapper {

    /** Every column a {@link Trial} is read from, in the order {@link #trial} expects. */
    static final String TRIAL_COLUMNS = "id, study_id, number, config_key, repeat_index, enqueued, confirmation,"
            + " parameters_json,"
            + " state, stop_reason, worker_id, engine, attempts, metrics_json, failure_reason, created_at, started_at,"
            + " finished_at, heartbeat_at";

    private static final TypeReference<LinkedHashMap<String, Object>> VALUES = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Double>> METRICS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    TrialRowMapper(ObjectMapper json) {
        this.json = json;
    }

    /** The trial on the result set's current row, read from {@link #TRIAL_COLUMNS}, without measurements. */
    Trial trial(ResultSet rs) throws SQLException {
        return new Trial(rs.getLong("id"), rs.getLong("study_id"), rs.getLong("number"), rs.getLong("config_key"),
                rs.getInt("repeat_index"), rs.getBoolean("enqueued"), rs.getBoolean("confirmation"),
                Configuration.of(read(rs.getString("parameters_json"), VALUES)), state(rs, "state"),
                state(rs, "stop_reason"), rs.getString("worker_id"), rs.getString("engine"), rs.getInt("attempts"),
                metrics(rs.getString("metrics_json")), rs.getString("failure_reason"), List.of(),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                instant(rs, "heartbeat_at"));
    }

    /** The measurement on the result set's current row: its step, elapsed seconds and metrics. */
    Measurement measurement(ResultSet rs) throws SQLException {
        return new Measurement(rs.getLong("step"), rs.getDouble("elapsed_seconds"),
                metrics(rs.getString("metrics_json")));
    }

    String write(Map<String, ?> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of plain values cannot fail to serialise", e);
        }
    }

    /** A metrics column; null (a trial that has not ended with results) reads as none. */
    Map<String, Double> metrics(String text) {
        return text == null ? Map.of() : read(text, METRICS);
    }

    /**
     * An instant as both databases store it: in UTC, to the microsecond. Cut here rather than by the database, so a
     * value written is exactly the value a later read compares against.
     */
    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON column is corrupt", e);
        }
    }

    private static TrialState state(ResultSet rs, String column) throws SQLException {
        String name = rs.getString(column);
        return name == null ? null : TrialState.valueOf(name);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
