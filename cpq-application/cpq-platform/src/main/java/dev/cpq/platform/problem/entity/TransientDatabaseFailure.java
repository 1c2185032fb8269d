package dev.cpq.platform.problem.entity;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A failure that says the database cannot be reached right now (restarting, refusing connections, a
 * connection broken under the statement, no connection free in the pool), not that the request or the
 * code is wrong. The client gets a retryable 503 {@code DATABASE_UNAVAILABLE}: nothing of the command was
 * committed (a transaction that lost its connection rolls back), and its Idempotency-Key makes the retry
 * safe either way.
 */
public final class TransientDatabaseFailure {

    public static final String CODE = "DATABASE_UNAVAILABLE";
    public static final String RETRY_AFTER_SECONDS = "2";

    /**
     * SQLSTATE classes and codes of an unreachable or restarting server: connection exceptions (08xxx, but
     * not 08P01, a protocol violation: the client sent what the protocol forbids, a defect), operator
     * intervention (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now), and too many
     * connections (53300). Deadlocks and serialization failures are not here: they say something of
     * the code's locking and stay incidents.
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");
    private static final String PROTOCOL_VIOLATION = "08P01";

    /** The container's own words for "no connection could be had" (GlassFish's pool, the JCA layer). */
    private static final Set<String> POOL_FAILURES = Set.of("com.sun.appserv.connectors.internal.api.PoolingException",
            "jakarta.resource.spi.ResourceAllocationException", "javax.resource.spi.ResourceAllocationException");

    private TransientDatabaseFailure() {}

    /** Whether anything in the failure's cause chain (and SQL exception chains) says the database is unreachable. */
    public static boolean isCauseOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return unreachable(failure, seen);
    }

    private static boolean unreachable(Throwable t, Set<Throwable> seen) {
        if (t == null || seen.size() > 64 || !seen.add(t)) {
            return false;
        }
        if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException || POOL_FAILURES.contains(t.getClass().getName())) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") && !PROTOCOL_VIOLATION.equals(state) || STATES.contains(state))) {
                return true;
            }
            if (unreachable(sql.getNextException(), seen)) {
                return true;
            }
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (unreachable(suppressed, seen)) {
                return true;
            }
        }
        return unreachable(t.getCause(), seen);
    }

    public static Problem problem() {
        return Problem.of(CODE, 503, "Database unavailable", "The database could not be reached; nothing of this request was committed.")
                .with("remediation", "Retry shortly with the same Idempotency-Key (the retry is safe); if it persists, check the service's health.");
    }
}
