package dev.hpo.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseUnavailableAdviceTest {

    @Test
    void noConnectionFromThePoolIsAConnectionFailure() {
        SQLTransientConnectionException timeout =
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out");
        assertThat(DatabaseUnavailableAdvice.isConnectionFailure(new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction",
                new JDBCConnectionException("Unable to acquire JDBC Connection", timeout)))).isTrue();
    }

    @Test
    void brokenConnectionSqlStatesAreConnectionFailures() {
        for (String state : new String[] {"08001", "08006", "57P01", "57P03"}) {
            JpaSystemException wrapped = new JpaSystemException(
                    new RuntimeException("statement failed", new SQLException("I/O error", state)));
            assertThat(DatabaseUnavailableAdvice.isConnectionFailure(wrapped)).as(state).isTrue();
        }
    }

    @Test
    void refusedConnectionIsAConnectionFailure() {
        assertThat(DatabaseUnavailableAdvice.isConnectionFailure(new DataAccessResourceFailureException("down",
                new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void constraintViolationsAndOtherSqlErrorsAreNot() {
        assertThat(DatabaseUnavailableAdvice.isConnectionFailure(new DataIntegrityViolationException("duplicate",
                new SQLException("unique violation", "23505")))).isFalse();
        assertThat(DatabaseUnavailableAdvice.isConnectionFailure(
                new JpaSystemException(new RuntimeException("x", new SQLException("syntax", "42601"))))).isFalse();
    }
}
