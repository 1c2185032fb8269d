package dev.cpq.platform.command.entity;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One use case's part of a command; the pipeline does the rest (key, If-Match replay, transaction, audit,
 * after-commit event, revalidation, 503 with the key given back).
 *
 * @param name      stable name ({@code quote.submit}): idempotency metrics and the audit row's command
 * @param readAhead before the Idempotency-Key is claimed, no transaction: reads only
 * @param validate  after the claim with the transaction suspended: remote reads and the checks whose refusal
 *                  is the key's answer; no row lock is held while another service answers
 * @param change    in the command's transaction: load (locked), act, store; returns the changed aggregate
 * @param <R> what was read ahead
 * @param <V> what was validated
 * @param <A> the aggregate
 */
public record Command<R, V, A extends AuditedAggregate>(String name, Supplier<ReadAhead<R>> readAhead, Function<ReadAhead<R>, V> validate,
        Function<V, A> change) {}
