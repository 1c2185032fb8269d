package dev.cpq.platform.messaging.entity;

import java.util.Map;

/**
 * The state of a service's event path for operators.
 *
 * @param pending              rows not yet published
 * @param failed               rows that exhausted their attempts (re-drivable)
 * @param oldestPendingSeconds age of the oldest pending row; 0 when none
 * @param relayPublished       rows this instance's relay published since it started
 * @param consumerLag          per consumer, records not yet consumed (all assigned partitions)
 * @param parked               per consumer, events parked and not yet re-driven
 * @param consumerOffsets      per consumer, the next offset per assigned partition ({@code topic-partition})
 */
public record OutboxStatus(long pending, long failed, double oldestPendingSeconds, long relayPublished,
        Map<String, Long> consumerLag, Map<String, Long> parked, Map<String, Map<String, Long>> consumerOffsets) {}
