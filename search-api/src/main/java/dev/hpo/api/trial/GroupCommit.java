package dev.hpo.api.trial;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs the writes of concurrent requests to the trial store (claims, completions, measurements) in shared
 * transactions. On the embedded database every commit writes the changed pages to the file before the request is
 * answered, so that a killed service loses nothing it acknowledged; one commit for all the writes that arrived
 * together costs little more than a commit for one. Each write stays its own compare-and-set statement, and each request is answered
 * only once the commit holding its write is done.
 *
 * <p>When a write fails (a lock timeout, say), the shared transaction is rolled back and every write of it runs
 * again on its own, so only the failing request sees the error.
 */
@Component
class GroupCommit implements DisposableBean {

    /** One statement on the shared connection; returns how many rows it changed. */
    @FunctionalInterface
    interface Write {
        int apply(Connection connection) throws SQLException;
    }

    /** Writes per transaction at most, so a burst cannot hold row locks for long. */
    private static final int MAX_BATCH = 128;

    private final DataSource dataSource;
    private final SQLExceptionTranslator translator;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    GroupCommit(DataSource dataSource) {
        this.dataSource = dataSource;
        this.translator = new SQLErrorCodeSQLExceptionTranslator(dataSource);
        this.writer = new Thread(this::writeBatches, "hpo-group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Runs {@code write} in the next shared transaction and returns its update count once that committed. Called
     * inside a transaction of its own caller (one that holds a study's lock, say), the write joins that
     * transaction instead and commits with it.
     *
     * @param what names the write in errors, e.g. {@code claim}
     * @throws org.springframework.dao.DataAccessException when the write or its commit failed
     */
    int execute(String what, Write write) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return inCallersTransaction(what, write);
        }
        Pending pending = new Pending(what, write);
        queue.add(pending);
        if (closed) {
            pending.result.completeExceptionally(shuttingDown());
        }
        try {
            return pending.result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw translator.translate(what, null, sql);
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private int inCallersTransaction(String what, Write write) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return write.apply(connection);
        } catch (SQLException e) {
            throw translator.translate(what, null, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    @Override
    public void destroy() {
        closed = true;
        writer.interrupt();
    }

    private void writeBatches() {
        List<Pending> batch = new ArrayList<>();
        while (!closed) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            commit(batch);
            batch.clear();
        }
        SQLException shutdown = shuttingDown();
        for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
            pending.result.completeExceptionally(shutdown);
        }
    }

    private void commit(List<Pending> batch) {
        int[] counts;
        try {
            counts = inOneTransaction(batch);
        } catch (SQLException | RuntimeException failed) {
            if (batch.size() == 1) {
                batch.get(0).result.completeExceptionally(failed);
                return;
            }
            for (Pending pending : batch) {
                commit(List.of(pending));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result.complete(counts[i]);
        }
    }

    private int[] inOneTransaction(List<Pending> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int[] counts = new int[batch.size()];
                for (int i = 0; i < batch.size(); i++) {
                    counts[i] = batch.get(i).write.apply(connection);
                }
                connection.commit();
                return counts;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            }
        }
    }

    /** PostgreSQL's "admin shutdown" state, which the error advice already answers as a retryable 503. */
    private static SQLException shuttingDown() {
        return new SQLException("the service is shutting down", "57P01");
    }

    private record Pending(String what, Write write, CompletableFuture<Integer> result) {
        Pending(String what, Write write) {
            this(what, write, new CompletableFuture<>());
        }
    }
}
