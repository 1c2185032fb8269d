package dev.cpq.quote.submission.control;

import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.quote.approval.entity.ApprovalDecision;
import dev.cpq.quote.approval.entity.ApprovalDecisions;
import dev.cpq.quote.authority.control.OutsideTransaction;
import dev.cpq.quote.authority.entity.Pending;
import dev.cpq.quote.drafting.entity.Quote;
import dev.cpq.quote.drafting.entity.QuoteId;
import dev.cpq.quote.drafting.entity.QuoteNotFoundException;
import dev.cpq.quote.drafting.entity.QuoteStatus;
import dev.cpq.quote.drafting.entity.Quotes;
import dev.cpq.quote.drafting.entity.RevisionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Submitting: the quote read and catalog and pricing asked ({@link #prepare}) before the command claims its
 * Idempotency-Key, so their answers are on the way while the key is claimed; then, in the command, the state
 * and If-Match checked and every freshness check judged ({@link QuoteSubmitValidator}) with the command's
 * transaction suspended; then, under the row lock, If-Match checked again and the state change applied:
 * APPROVED (with automatic approval evidence) when no signal applies, PENDING_APPROVAL otherwise.
 */
@ApplicationScoped
public class QuoteSubmitting {

    public static final String SUBMIT = "quote.submit";

    private record Validated(RevisionId revision, QuotePricingFreshnessChecker.CurrentSignals signals) {}

    /**
     * What a submit read before its key was claimed: the quote as it was then (or what reading it threw,
     * raised in the command where the key's outcome is decided) and, when it could be submitted, the remote
     * answers on their way. Only reads: a replayed or refused command simply drops it.
     */
    public record Preparation(Pending<Optional<Quote>> seen, Optional<QuoteSubmitValidator.Answers> answers) {}

    private Quotes quotes;
    private ApprovalDecisions decisions;
    private QuoteSubmitValidator validator;
    private OutsideTransaction outside;
    private AuditTrail audit;
    private TenantContext tenant;
    private final Clock clock = Clock.systemUTC();

    protected QuoteSubmitting() {}

    @Inject
    public QuoteSubmitting(Quotes quotes, ApprovalDecisions decisions, QuoteSubmitValidator validator, OutsideTransaction outside,
            AuditTrail audit, TenantContext tenant) {
        this.quotes = quotes;
        this.decisions = decisions;
        this.validator = validator;
        this.outside = outside;
        this.audit = audit;
        this.tenant = tenant;
    }

    /** Outside any transaction, before the command: reads only. */
    public Preparation prepare(QuoteId id) {
        Optional<Quote> seen;
        try {
            seen = quotes.byId(id);
        } catch (RuntimeException e) {
            return new Preparation(Pending.failed(e), Optional.empty());
        }
        Instant now = clock.instant();
        return new Preparation(Pending.answered(seen), seen.filter(q -> q.isSubmittable(now)).map(validator::ask));
    }

    /** Runs in the idempotent command's transaction. */
    public Quote submit(QuoteId id, ExpectedVersion expected, Preparation prepared) {
        Quote seen = prepared.seen().get().orElseThrow(() -> new QuoteNotFoundException(id.toString()));
        expected.check("QUOTE", seen.rowVersion());
        seen.requireSubmittable(clock.instant());
        Validated validated = outside.run(() -> {
            QuoteSubmitValidator.Answers answers = prepared.answers().orElseGet(() -> validator.ask(seen));
            return new Validated(seen.revisionId(), validator.judge(seen, answers, clock.instant()));
        });
        Quote quote = quotes.byIdForChange(id).orElseThrow(() -> new QuoteNotFoundException(id.toString()));
        long before = quote.rowVersion();
        String from = quote.status().name();
        expected.check("QUOTE", before);
        quote.submit(validated.revision(), validated.signals().signals(), validated.signals().policyVersion(), clock.instant());
        quotes.flush();
        if (quote.status() == QuoteStatus.APPROVED) {
            String role = tenant.caller().hasRole(Roles.SALES_AGENT) ? Roles.SALES_AGENT : Roles.PARTNER;
            decisions.add(ApprovalDecision.automatic(quote, tenant.caller().subject(), role, clock.instant()));
        }
        audit.succeeded(new AuditedChange("Quote", id.toString(), SUBMIT, from, quote.status().name(), before, quote.rowVersion()));
        return quote;
    }
}
