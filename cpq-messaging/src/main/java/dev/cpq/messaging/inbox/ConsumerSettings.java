package dev.cpq.messaging.inbox;

import dev.cpq.cache.redis.RedisUnavailableException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * How a consumer retries.
 *
 * @param maxAttempts       attempts for an event whose handler fails deterministically, before it is parked
 * @param retryBackoff      wait between attempts (transient failures are retried for as long as they last)
 * @param pollTimeout       longest wait of one Kafka poll
 * @param transientFailure  failures that say "try again later" (database or Redis unreachable), never parked
 * @param restartBackoff    wait before the supervisor rebuilds a failed consumer; doubled per consecutive failure
 * @param maxRestartBackoff longest such wait
 * @param stalledAfter      a running consumer with no poll returned and no batch committed for this long is stalled
 */
public record ConsumerSettings(int maxAttempts, Duration retryBackoff, Duration pollTimeout, Predicate<Throwable> transientFailure,
        Duration restartBackoff, Duration maxRestartBackoff, Duration stalledAfter) {

    public ConsumerSettings(int maxAttempts, Duration retryBackoff, Duration pollTimeout, Predicate<Throwable> transientFailure) {
        this(maxAttempts, retryBackoff, pollTimeout, transientFailure, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    public static ConsumerSettings defaults() {
        return new ConsumerSettings(3, Duration.ofMillis(200), Duration.ofMillis(500), ConsumerSettings::isTransient);
    }

    public ConsumerSettings withStalledAfter(Duration stalled) {
        return new ConsumerSettings(maxAttempts, retryBackoff, pollTimeout, transientFailure, restartBackoff, maxRestartBackoff, stalled);
    }

    /** Wait before the rebuild after {@code failures} consecutive failed generations (1-based). */
    public Duration restartBackoffAfter(int failures) {
        long millis = restartBackoff.toMillis() << Math.min(20, Math.max(0, failures - 1));
        return Duration.ofMillis(Math.min(millis, maxRestartBackoff.toMillis()));
    }

    public static boolean isTransient(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLTransientException || c instanceof SQLRecoverableException || c instanceof RedisUnavailableException) {
                return true;
            }
            if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("40") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
