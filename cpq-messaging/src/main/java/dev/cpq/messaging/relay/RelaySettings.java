package dev.cpq.messaging.relay;

import java.time.Duration;

/**
 * How a relay works.
 *
 * @param batchSize        rows claimed and published per transaction
 * @param maxAttempts      attempts for an event Kafka refuses for itself (too large, invalid) before it becomes
 *                         FAILED (visible to operators, re-drivable); an outage charges no attempt
 * @param firstBackoff     wait before the second attempt; doubled per attempt up to {@code maxBackoff}
 * @param maxBackoff       longest wait between attempts
 * @param pollInterval     the safety-net poll when no notification arrives
 * @param sendTimeout      how long to wait for Kafka's acknowledgements of a batch
 * @param maxOutageBackoff longest wait between passes while Kafka is unreachable (from {@code firstBackoff},
 *                         doubled per failed pass): also the longest delay after Kafka returns
 */
public record RelaySettings(int batchSize, int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration pollInterval,
        Duration sendTimeout, Duration maxOutageBackoff) {

    public RelaySettings(int batchSize, int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration pollInterval,
            Duration sendTimeout) {
        this(batchSize, maxAttempts, firstBackoff, maxBackoff, pollInterval, sendTimeout, Duration.ofSeconds(5));
    }

    public static RelaySettings defaults() {
        return new RelaySettings(500, 10, Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(15),
                Duration.ofSeconds(5));
    }

    public RelaySettings withSendTimeout(Duration timeout) {
        return new RelaySettings(batchSize, maxAttempts, firstBackoff, maxBackoff, pollInterval, timeout, maxOutageBackoff);
    }

    public RelaySettings withBatchSize(int size) {
        return new RelaySettings(size, maxAttempts, firstBackoff, maxBackoff, pollInterval, sendTimeout, maxOutageBackoff);
    }

    /** Backoff before attempt {@code attempt + 1}, after {@code attempt} failures (1-based). */
    public Duration backoffAfter(int attempt) {
        return Duration.ofMillis(Math.min(doubled(attempt), maxBackoff.toMillis()));
    }

    /** Wait before the next pass after {@code passes} consecutive passes that found Kafka unreachable. */
    public Duration outageBackoffAfter(int passes) {
        return Duration.ofMillis(Math.min(doubled(passes), maxOutageBackoff.toMillis()));
    }

    private long doubled(int times) {
        return firstBackoff.toMillis() << Math.min(20, Math.max(0, times - 1));
    }
}
