package dev.cpq.quote.approval.control;

import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.quote.approval.entity.ApprovalDecision;
import dev.cpq.quote.approval.entity.ApprovalDecisions;
import dev.cpq.quote.drafting.entity.Quote;
import dev.cpq.quote.drafting.entity.QuoteId;
import dev.cpq.quote.drafting.entity.QuoteNotFoundException;
import dev.cpq.quote.drafting.entity.Quotes;
import dev.cpq.quote.drafting.entity.RevisionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * An approver decides on a quote PENDING_APPROVAL, in the command's transaction: under the row lock,
 * If-Match, then the named revision and price result must be the current ones (else STALE_APPROVAL),
 * then the decision row is written (one per requirement, enforced by the database) and the quote moves
 * to APPROVED or REJECTED.
 */
@ApplicationScoped
public class ApprovalDeciding {

    public static final String DECIDE = "quote.decide-approval";

    private Quotes quotes;
    private ApprovalDecisions decisions;
    private AuditTrail audit;
    private TenantContext tenant;
    private final Clock clock = Clock.systemUTC();

    protected ApprovalDeciding() {}

    @Inject
    public ApprovalDeciding(Quotes quotes, ApprovalDecisions decisions, AuditTrail audit, TenantContext tenant) {
        this.quotes = quotes;
        this.decisions = decisions;
        this.audit = audit;
        this.tenant = tenant;
    }

    public Quote decide(QuoteId id, ExpectedVersion expected, RevisionId revision, UUID priceResultId, ApprovalDecision.Decision decision,
            String reason) {
        Quote quote = quotes.byIdForChange(id).orElseThrow(() -> new QuoteNotFoundException(id.toString()));
        long before = quote.rowVersion();
        String from = quote.status().name();
        expected.check("QUOTE", before);
        quote.decide(revision, priceResultId, decision == ApprovalDecision.Decision.APPROVED, clock.instant());
        quotes.flush();
        decisions.add(ApprovalDecision.byApprover(quote, decision, reason, tenant.caller().subject(), Roles.SALES_MANAGER, clock.instant()));
        audit.succeeded(new AuditedChange("Quote", id.toString(), DECIDE, from, quote.status().name(), before, quote.rowVersion()));
        return quote;
    }

    /** The quote's approval evidence, oldest first. */
    public List<ApprovalDecision> decisionsOf(QuoteId id) {
        quotes.byId(id).orElseThrow(() -> new QuoteNotFoundException(id.toString()));
        return decisions.of(id);
    }
}
