package dev.cpq.platform.messaging.entity;

import java.time.Instant;

/**
 * A FAILED outbox event as operators see it: what it is, why Kafka refused it, and how many later events of
 * its aggregate wait behind it (they are published, in order, once it is redriven or skipped).
 */
public record FailedOutboxEvent(String eventId, String aggregateType, String aggregateId, long aggregateVersion, String eventType,
        int attempts, String lastError, Instant createdAt, long blockedEvents) {}
