package dev.hpo.api.trial;

import static dev.hpo.api.trial.TrialRowMapper.utc;

import dev.hpo.trial.Trial;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The compare-and-set statement behind {@link TrialStore#update}: it sets only the columns in which {@code after}
 * differs from {@code before}, and matches the row only while it still holds {@code before}'s state, attempt, stop
 * request, worker and last heartbeat, which together pin down one moment of one attempt. The statement's text
 * depends only on which columns change and which compared ones are null, so each shape is built once and kept.
 */
final class TrialUpdate {

    /** A column the update may set or compare: its name, its SQL type, and how to read its value off a trial. */
    private record Column(String name, int type, Function<Trial, Object> value) {
    }

    private static final List<Column> SETTABLE = List.of(
            new Column("state", Types.VARCHAR, t -> t.state().name()),
            new Column("stop_reason", Types.VARCHAR, t -> t.stopRequested() == null ? null : t.stopRequested().name()),
            new Column("worker_id", Types.VARCHAR, Trial::workerId),
            new Column("attempts", Types.INTEGER, Trial::attempts),
            new Column("metrics_json", Types.VARCHAR, t -> t.metrics().isEmpty() ? null : t.metrics()),
            new Column("failure_reason", Types.VARCHAR, Trial::failureReason),
            new Column("started_at", Types.TIMESTAMP_WITH_TIMEZONE, Trial::startedAt),
            new Column("finished_at", Types.TIMESTAMP_WITH_TIMEZONE, Trial::finishedAt),
            new Column("heartbeat_at", Types.TIMESTAMP_WITH_TIMEZONE, Trial::heartbeatAt),
            new Column("engine", Types.VARCHAR, Trial::engine));

    /** The columns compared, after id and state; each one's value in {@code before} pins the moment. */
    private static final List<Column> COMPARED = List.of(
            SETTABLE.get(3), SETTABLE.get(1), SETTABLE.get(2), SETTABLE.get(8));

    private static final Map<Integer, String> STATEMENTS = new ConcurrentHashMap<>();

    private final Trial before;
    private final Trial after;
    private final int changed;
    private final int nulls;

    TrialUpdate(Trial before, Trial after) {
        this.before = before;
        this.after = after;
        int changes = 0;
        for (int c = 0; c < SETTABLE.size(); c++) {
            Function<Trial, Object> value = SETTABLE.get(c).value();
            if (!Objects.equals(value.apply(before), value.apply(after))) {
                changes |= 1 << c;
            }
        }
        int nullCompared = 0;
        for (int c = 0; c < COMPARED.size(); c++) {
            if (COMPARED.get(c).value().apply(before) == null) {
                nullCompared |= 1 << c;
            }
        }
        this.changed = changes;
        this.nulls = nullCompared;
    }

    /** The statement's text, with a {@code ?} for each value {@link #apply} binds. */
    String sql() {
        return STATEMENTS.computeIfAbsent(changed << COMPARED.size() | nulls, key -> sql(changed, nulls));
    }

    /**
     * Runs the statement on the connection.
     *
     * @param json writes a metrics map as its column holds it
     * @return how many rows it changed: 1 when the row still held {@code before}, else 0
     */
    int apply(Connection connection, Function<Map<String, Double>, String> json) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql())) {
            bind(update, json);
            return update.executeUpdate();
        }
    }

    /** Binds the values of {@link #sql()} to a statement prepared from it, or from a statement that embeds it. */
    void bind(PreparedStatement statement, Function<Map<String, Double>, String> json) throws SQLException {
        int i = 0;
        for (int c = 0; c < SETTABLE.size(); c++) {
            if ((changed & 1 << c) != 0) {
                bind(statement, ++i, SETTABLE.get(c), after, json);
            }
        }
        statement.setLong(++i, before.id());
        statement.setString(++i, before.state().name());
        for (int c = 0; c < COMPARED.size(); c++) {
            if ((nulls & 1 << c) == 0) {
                bind(statement, ++i, COMPARED.get(c), before, json);
            }
        }
    }

    private static String sql(int changed, int nulls) {
        StringBuilder sql = new StringBuilder("UPDATE trials SET ");
        for (int c = 0; c < SETTABLE.size(); c++) {
            if ((changed & 1 << c) != 0) {
                sql.append(SETTABLE.get(c).name()).append(" = ?, ");
            }
        }
        sql.append("version = version + 1 WHERE id = ? AND state = ?");
        for (int c = 0; c < COMPARED.size(); c++) {
            sql.append(" AND ").append(COMPARED.get(c).name()).append((nulls & 1 << c) != 0 ? " IS NULL" : " = ?");
        }
        return sql.toString();
    }

    @SuppressWarnings("unchecked")
    private static void bind(PreparedStatement statement, int index, Column column, Trial trial,
                             Function<Map<String, Double>, String> json) throws SQLException {
        Object value = column.value().apply(trial);
        if (value == null) {
            statement.setNull(index, column.type());
        } else if (value instanceof Map<?, ?> metrics) {
            statement.setString(index, json.apply((Map<String, Double>) metrics));
        } else if (value instanceof Instant instant) {
            statement.setObject(index, utc(instant));
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else {
            statement.setString(index, (String) value);
        }
    }
}
