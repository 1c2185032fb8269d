package dev.cpq.platform.audit.entity;

import java.util.Objects;

/** What a command reports about its change; the trail adds who, when, tenant and request. */
public record AuditedChange(String aggregateType, String aggregateId, String command, String fromState, String toState,
        Long fromVersion, Long toVersion) {

    public AuditedChange {
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(command, "command");
    }

    public static AuditedChange created(String aggregateType, String aggregateId, String command, String toState, long toVersion) {
        return new AuditedChange(aggregateType, aggregateId, command, null, toState, null, toVersion);
    }
}
