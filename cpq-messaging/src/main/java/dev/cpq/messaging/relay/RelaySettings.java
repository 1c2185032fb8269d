package dev.cpq.messaging.relay;

import java.time.Duration;

/**
 * How a relay works.
 *
 * @param batchSize       rows claimed and published per transaction
 * @param maxAttempts     publish attempts before a row becomes FAILED (visible to operators, re-drivable)
 * @param firstBackoff    wait before the second attempt; doubled per attempt up to {@code maxBackoff}
 * @param maxBackoff      longest wait between attempts
 * @param pollInterval    the safety-net poll when no notification arrives
 * @param sendTimeout     how long to wait for Kafka's acknowledgements of a batch
 */
public record RelaySettings(int batchSize, int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration pollInterval,
        Duration sendTimeout) {

    public static RelaySettings defaults() {
        return new RelaySettings(500, 10, Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(15));
    }

    public RelaySettings withSendTimeout(Duration timeout) {
        return new RelaySettings(batchSize, maxAttempts, firstBackoff, maxBackoff, pollInterval, timeout);
    }

    public RelaySettings withBatchSize(int size) {
        return new RelaySettings(size, maxAttempts, firstBackoff, maxBackoff, pollInterval, sendTimeout);
    }

    /** Backoff before attempt {@code attempt + 1}, after {@code attempt} failures (1-based). */
    public Duration backoffAfter(int attempt) {
        long millis = firstBackoff.toMillis() << Math.min(20, Math.max(0, attempt - 1));
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
