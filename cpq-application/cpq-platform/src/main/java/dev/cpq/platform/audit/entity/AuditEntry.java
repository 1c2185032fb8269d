package dev.cpq.platform.audit.entity;

import java.time.Instant;

/** One command's mark on an aggregate: who, what, from which state and version to which, and how. */
public record AuditEntry(long id, String tenantId, Instant occurredAt, String actor, String aggregateType, String aggregateId,
        String command, String fromState, String toState, Long fromVersion, Long toVersion, String idempotencyKey, String requestId,
        String outcome) {}
