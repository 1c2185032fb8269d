package dev.cpq.platform.problem.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class TransientDatabaseFailureTest {

    /** What the real driver throws when nothing listens where PostgreSQL should (as during a restart). */
    private static Throwable refusedConnection() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        return catchThrowable(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/cpq?connectTimeout=2", "x", "y"));
    }

    @Test
    void aRefusedConnectionIsTransientHoweverDeeplyItIsWrapped() throws Exception {
        Throwable refused = refusedConnection();
        assertThat(refused).isInstanceOf(SQLException.class);
        assertThat(TransientDatabaseFailure.isCauseOf(refused)).isTrue();
        var wrapped = new RuntimeException("transaction failed", new IllegalStateException("idempotency claim failed", refused));
        assertThat(TransientDatabaseFailure.isCauseOf(wrapped)).isTrue();
        var chained = new SQLException("Error in allocating a connection");
        chained.setNextException((SQLException) refused);
        assertThat(TransientDatabaseFailure.isCauseOf(chained)).isTrue();
    }

    @Test
    void aServerShuttingDownOrStartingIsTransient() {
        assertThat(TransientDatabaseFailure.isCauseOf(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(TransientDatabaseFailure.isCauseOf(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(TransientDatabaseFailure.isCauseOf(new SQLException("An I/O error occurred while sending to the backend.", "08006"))).isTrue();
    }

    @Test
    void constraintViolationsDeadlocksAndPlainBugsAreNot() {
        assertThat(TransientDatabaseFailure.isCauseOf(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(TransientDatabaseFailure.isCauseOf(new SQLException("deadlock detected", "40P01"))).isFalse();
        assertThat(TransientDatabaseFailure.isCauseOf(new IllegalStateException("bug"))).isFalse();
        assertThat(TransientDatabaseFailure.isCauseOf(null)).isFalse();
    }

    /**
     * 08P01 is in the connection-exception class but says the client sent what the protocol forbids (a bind
     * with the wrong number of parameters, a malformed message): a defect that fails every retry, so an
     * incident (500 with its id in the log), not a 503 inviting clients to retry forever.
     */
    @Test
    void aProtocolViolationIsADefectNotAnOutage() {
        assertThat(TransientDatabaseFailure.isCauseOf(new SQLException("bind message supplies 3 parameters, but prepared statement \"\" requires 2",
                "08P01"))).isFalse();
    }

    @Test
    void aCauseCycleEnds() {
        var a = new RuntimeException("a");
        var b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(TransientDatabaseFailure.isCauseOf(a)).isFalse();
    }

    @Test
    void theProblemIsARetryable503WithACode() {
        Problem p = TransientDatabaseFailure.problem();
        assertThat(p.getStatus()).isEqualTo(503);
        assertThat(p.getCode()).isEqualTo("DATABASE_UNAVAILABLE");
    }
}
