package dev.cpq.platform.publication.control;

import dev.cpq.messaging.event.DomainEvent;
import dev.cpq.messaging.outbox.Outbox;
import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.observability.control.CurrentRequest;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.precondition.entity.PreconditionRequiredException;
import dev.cpq.platform.precondition.entity.VersionConflictException;
import dev.cpq.platform.publication.entity.AppendOnlyLine;
import dev.cpq.platform.publication.entity.PublishableVersion;
import dev.cpq.platform.publication.entity.VersionLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * The one place where versioned reference data (catalog, price lists, approval policy) is drafted,
 * edited and published: the lock, the draft and If-Match checks, the supersede-then-publish order,
 * the outbox event and the audit entry, always in that order and in the caller's transaction. Each
 * aggregate keeps its own rule ({@link PublishableVersion#requirePublishableOver}); the SQL invariants
 * (advisory lock, row lock, one-active and unique-version indexes) stay the guard of the rule.
 * It is the "act" step of a command: idempotency and the HTTP answer stay with the caller.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Publication {

    /** The version that became active, and the one it superseded. */
    public record Published<V>(V version, Optional<V> superseded) {}

    private Outbox outbox;
    private AuditTrail audit;
    private CurrentRequest request;
    private final Clock clock = Clock.systemUTC();

    protected Publication() {}

    @Inject
    public Publication(Outbox outbox, AuditTrail audit, CurrentRequest request) {
        this.outbox = outbox;
        this.audit = audit;
        this.request = request;
    }

    /**
     * Opens a new draft of the line, after a running publication of it (so the draft starts from the
     * version active now). {@code opening} creates and stores the draft from the active version and
     * answers what the caller needs of it; {@code draft} names the draft in that answer.
     */
    public <V extends PublishableVersion<V>, R> R openDraft(VersionLine<V> line, String command, Function<Optional<V>, R> opening,
            Function<R, V> draft) {
        line.lockPublication();
        R opened = opening.apply(line.active());
        V created = draft.apply(opened);
        record(line.name().auditType(), line.auditId(created), command, null, created.statusName(), null, created.rowVersion());
        return opened;
    }

    /** Changes a draft's content against the version the editor saw; the change raises the draft's version. */
    public <V extends PublishableVersion<V>, R> R editDraft(VersionLine<V> line, long version, ExpectedVersion expected, String command,
            Function<V, R> edit) {
        V draft = line.forChange(version);
        draft.requireDraft();
        long before = draft.rowVersion();
        expected.check(line.name().precondition(), before);
        R edited = edit.apply(draft);
        // the row lock makes a second editor wait and then see the raised version; the optimistic check
        // at flush stays as the guard should the lock ever be bypassed
        line.touch(draft);
        record(line.name().auditType(), line.auditId(draft), command, draft.statusName(), draft.statusName(), before, draft.rowVersion());
        return edited;
    }

    /**
     * Publishes a draft over the line's active version and announces it with the event
     * {@code announcement} makes of the published and the superseded version.
     */
    public <V extends PublishableVersion<V>> Published<V> publish(VersionLine<V> line, long version, ExpectedVersion expected,
            String command, BiFunction<V, Optional<V>, ? extends DomainEvent> announcement) {
        line.lockPublication();
        V draft = line.forChange(version);
        draft.requireDraft();
        long before = draft.rowVersion();
        expected.check(line.name().precondition(), before);
        Optional<V> active = line.active();
        active.ifPresent(draft::requirePublishableOver);
        String from = draft.statusName();
        // the one-active-version index is checked per statement: supersede first, then publish
        active.ifPresent(previous -> {
            previous.supersede();
            line.flush();
        });
        draft.publish(now());
        line.flush();
        outbox.record(announcement.apply(draft, active), request.requestId());
        record(line.name().auditType(), line.auditId(draft), command, from, draft.statusName(), before, draft.rowVersion());
        return new Published<>(draft, active);
    }

    /**
     * Appends the version that follows the current one and announces it. If-Match is required once the
     * line has a version; before, it may name version 0.
     */
    public <V> V append(AppendOnlyLine<V> line, Optional<ExpectedVersion> expected, String command, LongFunction<V> following,
            Function<V, ? extends DomainEvent> announcement) {
        line.lockChanges();
        long current = line.currentVersion().orElse(0);
        if (current > 0) {
            expected.orElseThrow(PreconditionRequiredException::new).check(line.name().precondition(), current);
        } else {
            expected.ifPresent(e -> e.check(line.name().precondition(), 0));
        }
        V next = following.apply(current);
        if (!line.add(next)) {
            // the lock makes this unreachable between instances of this code; the unique version is the guard
            throw new VersionConflictException(line.name().precondition(), expected.map(ExpectedVersion::value).orElse(null), null);
        }
        outbox.record(announcement.apply(next), request.requestId());
        record(line.name().auditType(), line.auditId(next), command, null, null, current == 0 ? null : current, line.versionOf(next));
        return next;
    }

    private void record(String type, String id, String command, String from, String to, Long fromVersion, Long toVersion) {
        audit.succeeded(new AuditedChange(type, id, command, from, to, fromVersion, toVersion));
    }

    private Instant now() {
        return clock.instant();
    }
}
