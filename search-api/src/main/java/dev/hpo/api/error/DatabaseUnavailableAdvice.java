package dev.hpo.api.error;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Database failures become 503 when the database is unreachable (stopped, restarting, network cut): the
 * request was fine and will succeed once it is back, so clients are told to retry after a pause, where a 500
 * would read as a defect. Placed before {@link ProblemAdvice}; any other database failure still is a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableAdvice {

    private final DataSource dataSource;

    DatabaseUnavailableAdvice(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** How long clients are asked to wait: about the time the connection pool takes to give up waiting. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> onDatabaseFailure(RuntimeException e) {
        if (!isConnectionFailure(e) && isReachable()) {
            log.error("Request failed unexpectedly", e);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                    "The service failed to handle the request; its log has the details.");
            problem.setTitle("Internal error");
            return ResponseEntity.internalServerError().body(problem);
        }
        log.warn("Database unavailable: {}", rootMessage(e));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database is not reachable right now; retry after a pause. Nothing was changed.");
        problem.setTitle("Service unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                .body(problem);
    }

    /**
     * Whether the failure itself says the database could not be reached: no connection to be had, or the
     * connection broke. SQL states of class 08 are connection exceptions in the SQL standard; 57P0x are
     * PostgreSQL's "shutting down" and "cannot connect now".
     */
    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof ConnectException
                    || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Asks the database directly, for failures that do not say what went wrong: a connection that broke
     * mid-transaction surfaces as a failed rollback on an already closed connection, which names no cause.
     */
    private boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) RETRY_AFTER.toSeconds());
        } catch (SQLException unreachable) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
