package dev.cpq.platform.command.control;

import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.command.entity.AuditedAggregate;
import dev.cpq.platform.command.entity.Command;
import dev.cpq.platform.command.entity.ReadAhead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A command's steps after its Idempotency-Key is claimed, in its transaction: the validation with the
 * transaction suspended, the change, and the audit row written from what the aggregate tells.
 */
@ApplicationScoped
public class CommandExecution {

    private OutsideTransaction outside;
    private AuditTrail audit;

    protected CommandExecution() {}

    @Inject
    public CommandExecution(OutsideTransaction outside, AuditTrail audit) {
        this.outside = outside;
        this.audit = audit;
    }

    public <R, V, A extends AuditedAggregate> A run(Command<R, V, A> command, ReadAhead<R> readAhead) {
        V validated = outside.run(() -> command.validate().apply(readAhead));
        A aggregate = command.change().apply(validated);
        audit.succeeded(aggregate.auditedChange(command.name()));
        return aggregate;
    }

    /** The whole command, from a read-ahead taken now (no key claimed in between). */
    public <R, V, A extends AuditedAggregate> A run(Command<R, V, A> command) {
        return run(command, command.readAhead().get());
    }
}
