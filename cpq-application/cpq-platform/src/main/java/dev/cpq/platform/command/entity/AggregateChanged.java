package dev.cpq.platform.command.entity;

/**
 * A command changed an aggregate; fired by the command pipeline inside the command's transaction, so an
 * observer with {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} runs after the commit, and
 * never for a transaction that rolled back (work after commit: cache invalidation and the like).
 */
public record AggregateChanged(String tenant, String aggregateType, String aggregateId, String command) {}
