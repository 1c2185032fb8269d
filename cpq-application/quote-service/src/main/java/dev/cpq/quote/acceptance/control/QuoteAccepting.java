package dev.cpq.quote.acceptance.control;

import dev.cpq.messaging.outbox.Outbox;
import dev.cpq.platform.command.entity.Command;
import dev.cpq.platform.command.entity.ReadAhead;
import dev.cpq.platform.observability.control.CurrentRequest;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.events.quote.QuoteAccepted;
import dev.cpq.quote.acceptance.entity.QuoteSnapshot;
import dev.cpq.quote.acceptance.entity.QuoteSnapshotNotFoundException;
import dev.cpq.quote.acceptance.entity.QuoteSnapshots;
import dev.cpq.quote.approval.entity.ApprovalDecision;
import dev.cpq.quote.approval.entity.ApprovalDecisions;
import dev.cpq.quote.core.entity.ApprovalRequirement;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.core.entity.QuoteStatus;
import dev.cpq.quote.core.entity.Quotes;
import dev.cpq.quote.core.entity.RevisionId;
import dev.cpq.quote.core.entity.StaleApprovalException;
import dev.cpq.quote.core.control.QuoteReadAhead;
import dev.cpq.quote.core.entity.QuoteNotFoundException;
import dev.cpq.quote.submission.control.QuoteSubmitValidator;
import dev.cpq.quote.submission.control.QuoteSubmitValidator.Confirmed;
import dev.cpq.quote.submission.control.QuoteSubmitValidator.Seen;
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
 * Accepting: the quote read and catalog and pricing asked ({@link #readAhead}) before the command claims its
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
    private QuoteReadAhead quoteReadAhead;
    private PublishedVersionPointers pointers;
    private CommitmentEvidences evidences;
    private Outbox outbox;
    private CurrentRequest request;
    private TenantContext tenant;
    private final Clock clock = Clock.systemUTC();

    protected QuoteAccepting() {}

    @Inject
    public QuoteAccepting(Quotes quotes, ApprovalDecisions decisions, QuoteSnapshots snapshots, QuoteSubmitValidator validator,
            StaleRejections rejections, QuoteReadAhead quoteReadAhead, PublishedVersionPointers pointers, CommitmentEvidences evidences,
            Outbox outbox, CurrentRequest request, TenantContext tenant) {
        this.quotes = quotes;
        this.decisions = decisions;
        this.snapshots = snapshots;
        this.validator = validator;
        this.rejections = rejections;
        this.quoteReadAhead = quoteReadAhead;
        this.pointers = pointers;
        this.evidences = evidences;
        this.outbox = outbox;
        this.request = request;
        this.tenant = tenant;
    }

    public Command<Seen, Confirmed, Quote> command(QuoteId id, ExpectedVersion expected, RevisionId revision, UUID priceResultId) {
        return new Command<>(ACCEPT, () -> readAhead(id), seen -> validate(seen, expected, revision, priceResultId),
                confirmed -> accept(id, expected, revision, priceResultId, confirmed));
    }

    ReadAhead<Seen> readAhead(QuoteId id) {
        Instant now = clock.instant();
        return validator.readAhead(quoteReadAhead.of(id), q -> q.status() == QuoteStatus.APPROVED && !q.isPastValidity(now));
    }

    /** Everything submit validates, again (submit and accept may be days apart); every stale refusal, wherever found, is counted once. */
    Confirmed validate(ReadAhead<Seen> readAhead, ExpectedVersion expected, RevisionId revision, UUID priceResultId) {
        return rejections.counted(() -> {
            Quote seen = readAhead.get().quote();
            seen.refuseIfExpired(clock.instant());
            expected.check("QUOTE", seen.rowVersion());
            seen.requireAcceptable(revision, priceResultId, clock.instant());
            return validator.confirm(seen, validator.answers(readAhead.get()), tenant.caller().roles(), clock.instant());
        });
    }

    /** In one transaction: ACCEPTED, the immutable snapshot and the {@code QuoteAccepted} outbox event. */
    Quote accept(QuoteId id, ExpectedVersion expected, RevisionId revision, UUID priceResultId, Confirmed confirmed) {
        return rejections.counted(() -> {
            Quote quote = quotes.lockedById(id);
            // a sweep that expired the quote first wins with QUOTE_EXPIRED (not a 412 for its version bump)
            quote.refuseIfExpired(clock.instant());
            expected.check("QUOTE", quote.rowVersion());
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
            evidences.record(CommitmentEvidence.of(quote, ACCEPT, confirmed.catalogVersion(), confirmed.priceListVersion(),
                    confirmed.policyVersion(), confirmed.confirmedAt()));
            return quote;
        });
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
