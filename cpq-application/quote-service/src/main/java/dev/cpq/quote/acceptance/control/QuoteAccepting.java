package dev.cpq.quote.acceptance.control;

import dev.cpq.messaging.outbox.Outbox;
import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.observability.control.CurrentRequest;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.quote.acceptance.entity.QuoteAccepted;
import dev.cpq.quote.acceptance.entity.QuoteSnapshot;
import dev.cpq.quote.acceptance.entity.QuoteSnapshotNotFoundException;
import dev.cpq.quote.acceptance.entity.QuoteSnapshots;
import dev.cpq.quote.approval.entity.ApprovalDecision;
import dev.cpq.quote.approval.entity.ApprovalDecisions;
import dev.cpq.quote.authority.control.OutsideTransaction;
import dev.cpq.quote.authority.entity.ActivePriceList;
import dev.cpq.quote.authority.entity.Pending;
import dev.cpq.quote.drafting.control.PreparedCommand;
import dev.cpq.quote.drafting.entity.Quote;
import dev.cpq.quote.drafting.entity.QuoteId;
import dev.cpq.quote.drafting.entity.QuoteNotFoundException;
import dev.cpq.quote.drafting.entity.QuoteStatus;
import dev.cpq.quote.drafting.entity.Quotes;
import dev.cpq.quote.drafting.entity.RevisionId;
import dev.cpq.quote.drafting.entity.StaleApprovalException;
import dev.cpq.quote.submission.control.QuotePricingFreshnessChecker;
import dev.cpq.quote.submission.control.StaleRejections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Accepting: the quote read and pricing asked ({@link #prepare}) before the command claims its
 * Idempotency-Key; in the command, the state, If-Match and the price's freshness (pricing's database,
 * {@code QUOTE_PRICING_STALE}) checked with the command's transaction suspended; then, under the row lock, If-Match and every rule of
 * {@link Quote#accept} again, the approval evidence of exactly this revision and price result, and, in
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
    private QuotePricingFreshnessChecker pricing;
    private StaleRejections rejections;
    private OutsideTransaction outside;
    private Outbox outbox;
    private AuditTrail audit;
    private CurrentRequest request;
    private TenantContext tenant;
    private final Clock clock = Clock.systemUTC();

    protected QuoteAccepting() {}

    @Inject
    public QuoteAccepting(Quotes quotes, ApprovalDecisions decisions, QuoteSnapshots snapshots, QuotePricingFreshnessChecker pricing,
            StaleRejections rejections, OutsideTransaction outside, Outbox outbox, AuditTrail audit, CurrentRequest request, TenantContext tenant) {
        this.quotes = quotes;
        this.decisions = decisions;
        this.snapshots = snapshots;
        this.pricing = pricing;
        this.rejections = rejections;
        this.outside = outside;
        this.outbox = outbox;
        this.audit = audit;
        this.request = request;
        this.tenant = tenant;
    }

    /** Outside any transaction, before the command: reads only. */
    public PreparedCommand<Pending<ActivePriceList>> prepare(QuoteId id) {
        Instant now = clock.instant();
        return PreparedCommand.of(() -> quotes.byId(id), q -> q.status() == QuoteStatus.APPROVED && !q.isPastValidity(now), pricing::ask);
    }

    /** Runs in the idempotent command's transaction; every stale refusal, wherever found, is counted. */
    public Quote accept(QuoteId id, ExpectedVersion expected, RevisionId revision, UUID priceResultId, PreparedCommand<Pending<ActivePriceList>> prepared) {
        return rejections.counted(() -> acceptCounted(id, expected, revision, priceResultId, prepared));
    }

    private Quote acceptCounted(QuoteId id, ExpectedVersion expected, RevisionId revision, UUID priceResultId, PreparedCommand<Pending<ActivePriceList>> prepared) {
        Quote seen = prepared.quote(id);
        seen.refuseIfExpired(clock.instant());
        expected.check("QUOTE", seen.rowVersion());
        seen.requireAcceptable(revision, priceResultId, clock.instant());
        outside.run(() -> {
            pricing.checkPrice(seen, clock.instant(), prepared.answers(seen, pricing::ask));
            return null;
        });
        Quote quote = quotes.byIdForChange(id).orElseThrow(() -> new QuoteNotFoundException(id.toString()));
        long before = quote.rowVersion();
        String from = quote.status().name();
        // a sweep that expired the quote first wins with QUOTE_EXPIRED (not a 412 for its version bump)
        quote.refuseIfExpired(clock.instant());
        expected.check("QUOTE", before);
        quote.requireAcceptable(revision, priceResultId, clock.instant());
        List<ApprovalDecision> evidence = decisions.on(id, revision, priceResultId);
        boolean approved = evidence.stream().anyMatch(d -> d.decision() == ApprovalDecision.Decision.APPROVED)
                && evidence.stream().noneMatch(d -> d.decision() == ApprovalDecision.Decision.REJECTED);
        if (!approved) {
            throw new StaleApprovalException("No approval of revision " + revision + " priced as " + priceResultId + " is on record.",
                    quote.revisionId().toString(), quote.priceResultId().map(UUID::toString).orElse(null));
        }
        quote.accept(revision, priceResultId, clock.instant());
        quotes.flush();
        QuoteSnapshot snapshot = QuoteSnapshot.of(quote, evidence, tenant.caller().subject(), clock.instant());
        snapshots.add(snapshot);
        outbox.record(QuoteAccepted.of(quote, snapshot), request.requestId());
        audit.succeeded(new AuditedChange("Quote", id.toString(), ACCEPT, from, quote.status().name(), before, quote.rowVersion()));
        return quote;
    }

    /** The accepted snapshot of a revision, from the database. */
    public QuoteSnapshot snapshot(QuoteId id, RevisionId revision) {
        quotes.byId(id).orElseThrow(() -> new QuoteNotFoundException(id.toString()));
        return snapshots.of(id, revision).orElseThrow(() -> new QuoteSnapshotNotFoundException(id.toString(), revision.toString()));
    }
}
