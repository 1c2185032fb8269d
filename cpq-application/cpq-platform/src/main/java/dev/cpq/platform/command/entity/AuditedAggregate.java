package dev.cpq.platform.command.entity;

import dev.cpq.platform.audit.entity.AuditedChange;
import java.util.Optional;

/**
 * What an aggregate tells the command pipeline about the change a command made to it, so that the
 * pipeline writes the audit row (and announces the change) instead of every use case: which aggregate,
 * its state and version now, and as the command loaded it.
 */
public interface AuditedAggregate {

    /** A state and row version of the aggregate. */
    record StateAndVersion(String state, long version) {}

    /** The aggregate's type as the audit trail names it ({@code Quote}). */
    String aggregateType();

    String aggregateId();

    /** Its state and version now (after the command's flush: the version is the new ETag). */
    StateAndVersion current();

    /** Its state and version as the command's transaction loaded it; empty when the command created it. */
    Optional<StateAndVersion> asLoaded();

    /** The audit row of a command's change: as loaded (nothing when created) and now. */
    default AuditedChange auditedChange(String command) {
        StateAndVersion now = current();
        Optional<StateAndVersion> before = asLoaded();
        return new AuditedChange(aggregateType(), aggregateId(), command, before.map(StateAndVersion::state).orElse(null), now.state(),
                before.map(StateAndVersion::version).orElse(null), now.version());
    }
}
