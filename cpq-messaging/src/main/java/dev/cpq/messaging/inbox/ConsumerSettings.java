package dev.cpq.messaging.inbox;

import dev.cpq.cache.redis.RedisUnavailableException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * How a consumer retries.
 *
 * @param maxAttempts     attempts for an event whose handler fails deterministically, before it is parked
 * @param retryBackoff    wait between attempts (transient failures are retried for as long as they last)
 * @param pollTimeout     longest wait of one Kafka poll
 * @param transientFailure failures that say "try again later" (database or Redis unreachable), never parked
 */
public record ConsumerSettings(int maxAttempts, Duration retryBackoff, Duration pollTimeout, Predicate<Throwable> transientFailure) {

    public static ConsumerSettings defaults() {
        return new ConsumerSettings(3, Duration.ofMillis(200), Duration.ofMillis(500), ConsumerSettings::isTransient);
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
