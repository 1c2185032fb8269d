package dev.cpq.platform.messaging.entity;

import java.util.List;
import java.util.Map;

/**
 * The state of a service's event path for operators. Outbox rows and parked events are the caller's
 * tenant's only; the relay's progress and the consumers' lag, offsets and health belong to the process.
 *
 * @param pending              the tenant's rows not yet published
 * @param failed               the tenant's rows Kafka refused for themselves until their attempts ran out (re-drivable)
 * @param blocked              the tenant's pending rows held back behind a FAILED event of their aggregate
 * @param oldestPendingSeconds age of the tenant's oldest pending row; 0 when none
 * @param relayPublished       rows this instance's relay published since it started
 * @param consumerLag          per consumer, records not yet consumed (all assigned partitions)
 * @param parked               per consumer, the tenant's events parked and not yet re-driven
 * @param consumerOffsets      per consumer, the next offset per assigned partition ({@code topic-partition})
 * @param failedEvents         the tenant's FAILED events, oldest first (at most 100)
 * @param consumers            per consumer, its supervisor's view: state, stalled, restarts, last failure
 */
public record OutboxStatus(long pending, long failed, long blocked, double oldestPendingSeconds, long relayPublished,
        Map<String, Long> consumerLag, Map<String, Long> parked, Map<String, Map<String, Long>> consumerOffsets,
        List<FailedOutboxEvent> failedEvents, Map<String, ConsumerState> consumers) {}
