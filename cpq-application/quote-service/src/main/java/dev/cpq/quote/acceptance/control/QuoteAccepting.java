package dev.cpq.quote.acceptance.control;

import dev.cpq.messaging.outbox.Outbox;
import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.observability.control.CurrentRequest;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.events.quote.QuoteAccepted;
import dev.cpq.quote.acceptance.entity.QuoteSnapshot;
import dev.cpq.quote.acceptance.entity.QuoteSnapshotNotFoundException;
import dev.cpq.quote.acceptance.entity.QuoteSnapshots;
import dev.cpq.quote.approval.entity.ApprovalDecision;
import dev.cpq.quote.approval.entity.ApprovalDecisions;
import dev.cpq.quote.approval.entity.ApprovalRequirement;
import dev.cpq.quote.authority.control.OutsideTransaction;
import dev.cpq.quote.drafting.control.PreparedCommand;
import dev.cpq.quote.drafting.entity.Quote;
import dev.cpq.quote.drafting.entity.QuoteId;
import dev.cpq.quote.drafting.entity.QuoteNotFoundException;
import dev.cpq.quote.drafting.entity.QuoteStatus;
import dev.cpq.quote.drafting.entity.Quotes;
import dev.cpq.quote.drafting.entity.RevisionId;
import dev.cpq.quote.drafting.entity.StaleApprovalException;
import dev.cpq.quote.submission.control.QuoteSubmitValidator;
import dev.cpq.quote.submission.entity.CommitmentEvidence;
import dev.cpq.quote.submission.entity.CommitmentEvidences;
import dev.cpq.quote.submission.entity.PublishedVersionPointers;
import dev.cpq.quote.submission.control.StaleRejections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Accepting: the quote read and catalog and pricing asked ({@link #prepare}) before the command claims its
 * Idempotency-Key; in the command, the state, If-Match and everything submit validates (catalog version,
 * configuration, price freshness, the approval requirement under the policy in force; owners' databases)
 * checked with the command's transaction suspended; then, under the row lock, If-Match and every rule of
 * {@link Quote#accept} again, the approval evidence of exactly this revision, price result and approval
 * round, which must cover the requirement decided now, and, in
 * one transaction: ACCEPTED, the immutable snapshot and the {@code QuoteAccepted} outbox event.
 * Concurrent accepts serialize on the row lock: the first moves the version, every other one is
 * refused (412, or replayed for the same Idempotency-Key); the one-snapshot-per-quote constraint backs it.
 */
@ApplicationScoped
public class QuoteAccepting {

    public static final String ACCEPT = "quote.accept";

    private Quotes quotes;
    private ApprovalDecisions decisions;
    private QuoteSnapshots snapshots;
    private QuoteSubmitValidator validator;
    private StaleRejections rejections;
    private OutsideTransaction outside;
    private PublishedVersionPointers pointers;
    private CommitmentEvidences evidences;
    private Outbox outbox;
    private AuditTrail audit;
    private CurrentRequest request;
    private TenantContext tenant;
    private final Clock clock = Clock.systemUTC();

    protected QuoteAccepting() {}

    @Inject
    public QuoteAccepting(Quotes quotes, ApprovalDecisions decisions, QuoteSnapshots snapshots, QuoteSubmitValidator validator,
            StaleRejections rejections, OutsideTransaction outside, PublishedVersionPointers pointers, CommitmentEvidences evidences, Outbox outbox,
            AuditTrail audit, CurrentRequest request, TenantContext tenant) {
        this.quotes = quotes;
        this.decisions = decisions;
        this.snapshots = snapshots;
        this.validator = validator;
        this.rejections = rejections;
        this.outside = outside;
        this.pointers = pointers;
        this.evidences = evidences;
        this.outbox = outbox;
        this.audit = audit;
        this.request = request;
        this.tenant = tenant;
    }

    /** Outside any transaction, before the command: reads only. */
    public PreparedCommand<QuoteSubmitValidator.Answers> prepare(QuoteId id) {
        Instant now = clock.instant();
        return PreparedCommand.of(() -> quotes.byId(id), q -> q.status() == QuoteStatus.APPROVED && !q.isPastValidity(now), validator::ask);
    }

    /** Runs in the idempotent command's transaction; every stale refusal, wherever found, is counted. */
    public Quote accept(QuoteId id, ExpectedVersion expected, RevisionId revision, UUID priceResultId, PreparedCommand<QuoteSubmitValidator.Answers> prepared) {
        return rejections.counted(() -> acceptCounted(id, expected, revision, priceResultId, prepared));
    }

    private Quote acceptCounted(QuoteId id, ExpectedVersion expected, RevisionId revision, UUID priceResultId, PreparedCommand<QuoteSubmitValidator.Answers> prepared) {
        Quote seen = prepared.quote(id);
        seen.refuseIfExpired(clock.instant());
        expected.check("QUOTE", seen.rowVersion());
        seen.requireAcceptable(revision, priceResultId, clock.instant());
        // everything submit validates, again: submit and accept may be days apart
        QuoteSubmitValidator.Confirmed confirmed = outside.run(
                () -> validator.confirm(seen, prepared.answers(seen, validator::ask), tenant.caller().roles(), clock.instant()));
        Quote quote = quotes.byIdForChange(id).orElseThrow(() -> new QuoteNotFoundException(id.toString()));
        long before = quote.rowVersion();
        String from = quote.status().name();
        // a sweep that expired the quote first wins with QUOTE_EXPIRED (not a 412 for its version bump)
        quote.refuseIfExpired(clock.instant());
        expected.check("QUOTE", before);
        quote.requireAcceptable(revision, priceResultId, clock.instant());
        confirmed.requireUnmoved(pointers.now(quote.priceListId()));
        List<ApprovalDecision> evidence = decisions.on(id, revision, priceResultId, quote.approvalRound());
        requireCoveringApproval(quote, evidence, confirmed.requirement());
        quote.accept(revision, priceResultId, clock.instant());
        quotes.flush();
        QuoteSnapshot snapshot = QuoteSnapshot.of(quote, evidence, tenant.caller().subject(), clock.instant());
        snapshots.add(snapshot);
        outbox.record(QuoteAccepted.of(quote.tenantId(), quote.id().toString(), quote.rowVersion(), quote.revisionId().toString(),
                quote.priceResultId().orElseThrow().toString(), quote.totals().orElseThrow(), quote.currency(), quote.customerId(),
                snapshot.snapshotHash()), request.requestId());
        evidences.record(CommitmentEvidence.of(quote, ACCEPT, confirmed.catalogVersion(), confirmed.priceListVersion(), confirmed.policyVersion(),
                confirmed.confirmedAt()));
        audit.succeeded(new AuditedChange("Quote", id.toString(), ACCEPT, from, quote.status().name(), before, quote.rowVersion()));
        return quote;
    }

    /**
     * The evidence of this approval round must cover the requirement decided now (policy in force, the
     * lowest limit of owner and acceptor): no rejection, and, when any line needs an approver, an
     * approver's APPROVED decision and a policy under which a SALES_MANAGER may still grant every such
     * discount; otherwise an APPROVED decision (automatic or not). Anything else is STALE_APPROVAL:
     * price and submit again.
     */
    private static void requireCoveringApproval(Quote quote, List<ApprovalDecision> evidence, ApprovalRequirement requirement) {
        boolean rejected = evidence.stream().anyMatch(d -> d.decision() == ApprovalDecision.Decision.REJECTED);
        boolean byApprover = evidence.stream().anyMatch(d -> d.decision() == ApprovalDecision.Decision.APPROVED && !d.automatic());
        boolean anyApproval = evidence.stream().anyMatch(d -> d.decision() == ApprovalDecision.Decision.APPROVED);
        String detail = null;
        if (rejected || !anyApproval) {
            detail = "No approval of revision " + quote.revisionId() + " priced as " + quote.priceResultId().orElseThrow() + " is on record.";
        } else if (requirement.needsApprover() && !byApprover) {
            detail = "Under approval policy version " + requirement.policyVersion() + " a discount above " + requirement.sellerLimit()
                    + " % needs a SALES_MANAGER's approval, and none is on record for this submission.";
        } else if (requirement.signals().stream().anyMatch(s -> !s.approvable())) {
            detail = "Under approval policy version " + requirement.policyVersion() + " no approver's limit covers every discount of the quote.";
        }
        if (detail != null) {
            throw new StaleApprovalException(detail, quote.revisionId().toString(), quote.priceResultId().map(UUID::toString).orElse(null));
        }
    }

    /** The accepted snapshot of a revision, from the database. */
    public QuoteSnapshot snapshot(QuoteId id, RevisionId revision) {
        quotes.byId(id).orElseThrow(() -> new QuoteNotFoundException(id.toString()));
        return snapshots.of(id, revision).orElseThrow(() -> new QuoteSnapshotNotFoundException(id.toString(), revision.toString()));
    }
}
