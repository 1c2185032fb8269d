package dev.cpq.platform.command.boundary;

import dev.cpq.platform.command.control.CommandExecution;
import dev.cpq.platform.command.control.OutsideTransaction;
import dev.cpq.platform.command.control.Revalidation;
import dev.cpq.platform.command.entity.AggregateChanged;
import dev.cpq.platform.command.entity.AuditedAggregate;
import dev.cpq.platform.command.entity.Command;
import dev.cpq.platform.command.entity.ReadAhead;
import dev.cpq.platform.idempotency.boundary.IdempotentCommandResponses;
import dev.cpq.platform.idempotency.control.CommandTransaction;
import dev.cpq.platform.idempotency.entity.CommandResponse;
import dev.cpq.platform.security.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Function;

/**
 * How every command on an aggregate runs; a use case supplies only its {@link Command} (read ahead,
 * validate, change) and a resource calls one method here:
 * <ol>
 * <li>the read-ahead, before the Idempotency-Key is claimed, no transaction (its answers travel meanwhile);</li>
 * <li>the key claimed ({@link IdempotentCommandResponses}: replay, 422 reuse, 409 in progress);</li>
 * <li>in one JTA transaction: the validation with the transaction suspended ({@link OutsideTransaction}),
 *     the change (load locked, act, store, with its outbox event), the audit row written from what the
 *     aggregate tells ({@link AuditedAggregate}), {@link AggregateChanged} fired (observers
 *     {@code during = AFTER_SUCCESS} run after the commit, never on a rollback), the answer stored with the key;</li>
 * <li>a {@link dev.cpq.platform.command.entity.TransientDependencyFailure} answered as its 503, the key given back;</li>
 * <li>a dependency that moved under the row lock: again from the read-ahead ({@link Revalidation}).</li>
 * </ol>
 */
@ApplicationScoped
public class CommandPipeline {

    private IdempotentCommandResponses idempotent;
    private CommandTransaction transaction;
    private CommandExecution execution;
    private Revalidation revalidation;
    private TenantContext tenant;
    private Event<AggregateChanged> changed;

    protected CommandPipeline() {}

    @Inject
    public CommandPipeline(IdempotentCommandResponses idempotent, CommandTransaction transaction, CommandExecution execution,
            Revalidation revalidation, TenantContext tenant, Event<AggregateChanged> changed) {
        this.idempotent = idempotent;
        this.transaction = transaction;
        this.execution = execution;
        this.revalidation = revalidation;
        this.tenant = tenant;
        this.changed = changed;
    }

    /** An idempotent POST that changes an aggregate: 200 with its view, ETag its new version. */
    public <R, V, A extends AuditedAggregate> Response post(Command<R, V, A> command, String key, UriInfo uri, Object body,
            Function<A, Object> view) {
        return idempotently(command, key, uri, body, a -> idempotent.ok(view.apply(a), a.current().version()));
    }

    /** An idempotent POST that creates an aggregate: 201 with its view, Location below the request's path. */
    public <R, V, A extends AuditedAggregate> Response create(Command<R, V, A> command, String key, UriInfo uri, Object body,
            Function<A, Object> view) {
        return idempotently(command, key, uri, body, a -> idempotent.created(view.apply(a),
                uri.getAbsolutePathBuilder().path(a.aggregateId()).build(), a.current().version()));
    }

    /** A change without an Idempotency-Key (a PUT under If-Match): the same steps, in a transaction of its own. */
    public <R, V, A extends AuditedAggregate> A put(Command<R, V, A> command) {
        return revalidation.run(command.name(), () -> {
            ReadAhead<R> readAhead = command.readAhead().get();
            return transaction.run(() -> inTransaction(command, readAhead));
        });
    }

    private <R, V, A extends AuditedAggregate> Response idempotently(Command<R, V, A> command, String key, UriInfo uri, Object body,
            Function<A, CommandResponse> answer) {
        return revalidation.run(command.name(), () -> {
            ReadAhead<R> readAhead = command.readAhead().get();
            return idempotent.execute(command.name(), key, "POST", uri, body, () -> answer.apply(inTransaction(command, readAhead)));
        });
    }

    private <R, V, A extends AuditedAggregate> A inTransaction(Command<R, V, A> command, ReadAhead<R> readAhead) {
        A aggregate = execution.run(command, readAhead);
        changed.fire(new AggregateChanged(tenant.tenant().value(), aggregate.aggregateType(), aggregate.aggregateId(), command.name()));
        return aggregate;
    }
}
