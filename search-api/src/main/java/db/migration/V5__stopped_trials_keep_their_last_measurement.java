package db.migration;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Trials stopped early (PRUNED, STOPPED) keep their last measurement's metrics as their own, the final metrics their
 * worker sent on top, so a trial's result reads without its measurements. This gives trials that ended before that
 * rule the metrics they would have kept. A JSON merge, which H2 and PostgreSQL cannot both write in SQL.
 */
public class V5__stopped_trials_keep_their_last_measurement extends BaseJavaMigration {

    private static final TypeReference<LinkedHashMap<String, Double>> METRICS = new TypeReference<>() {
    };

    @Override
    public void migrate(Context context) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Connection connection = context.getConnection();
        try (PreparedStatement stopped = connection.prepareStatement("SELECT t.id, t.metrics_json,"
                + " (SELECT m.metrics_json FROM measurements m WHERE m.trial_id = t.id AND m.attempt = t.attempts"
                + " ORDER BY m.step DESC FETCH FIRST 1 ROWS ONLY) FROM trials t WHERE t.state IN ('PRUNED', 'STOPPED')");
             PreparedStatement update = connection.prepareStatement("UPDATE trials SET metrics_json = ? WHERE id = ?");
             ResultSet rows = stopped.executeQuery()) {
            while (rows.next()) {
                String last = rows.getString(3);
                if (last == null) {
                    continue;
                }
                Map<String, Double> kept = new LinkedHashMap<>(json.readValue(last, METRICS));
                String reported = rows.getString(2);
                if (reported != null) {
                    kept.putAll(json.readValue(reported, METRICS));
                }
                update.setString(1, json.writeValueAsString(kept));
                update.setLong(2, rows.getLong(1));
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
