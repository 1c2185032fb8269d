package dev.cpq.quote.approval.control;

import dev.cpq.platform.command.entity.Command;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.quote.approval.entity.ApprovalDecision;
import dev.cpq.quote.approval.entity.ApprovalDecisions;
import dev.cpq.quote.core.control.QuoteReadAhead;
import dev.cpq.quote.authority.entity.ApprovalPolicy;
import dev.cpq.quote.authority.entity.ApprovalSignal;
import dev.cpq.quote.authority.entity.PricingAuthority;
import dev.cpq.quote.core.entity.DiscountNotApprovableException;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.core.entity.QuoteNotFoundException;
import dev.cpq.quote.core.entity.QuoteStatus;
import dev.cpq.quote.core.entity.Quotes;
import dev.cpq.quote.core.entity.RevisionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An approver decides on a quote PENDING_APPROVAL, in the command's transaction: under the row lock,
 * If-Match, then the named revision and price result must be the current ones (else STALE_APPROVAL),
 * then the decision row is written (one per requirement, enforced by the database) and the quote moves
 * to APPROVED or REJECTED. An approval is granted under the approval policy in force when it is given
 * (read from pricing's database before the row lock): a discount above the SALES_MANAGER limit in force
 * is not approvable (DISCOUNT_NOT_APPROVABLE), whatever the limit was when the quote was submitted.
 */
@ApplicationScoped
public class ApprovalDeciding {

    public static final String DECIDE = "quote.decide-approval";

    private Quotes quotes;
    private ApprovalDecisions decisions;
    private QuoteReadAhead readAhead;
    private TenantContext tenant;
    private PricingAuthority pricing;
    private final Clock clock = Clock.systemUTC();

    protected ApprovalDeciding() {}

    @Inject
    public ApprovalDeciding(Quotes quotes, QuoteReadAhead readAhead, ApprovalDecisions decisions, TenantContext tenant,
            PricingAuthority pricing) {
        this.quotes = quotes;
        this.decisions = decisions;
        this.readAhead = readAhead;
        this.tenant = tenant;
        this.pricing = pricing;
    }

    public Command<Void, Optional<ApprovalPolicy>, Quote> command(QuoteId id, ExpectedVersion expected, RevisionId revision, UUID priceResultId,
            ApprovalDecision.Decision decision, String reason) {
        return new Command<>(DECIDE, () -> readAhead.partnersOwnOnly(id), nothing -> policyInForce(decision),
                policy -> decide(id, expected, revision, priceResultId, decision, reason, policy));
    }

    /** Read before the row lock, with the transaction suspended; a rejection needs none. */
    Optional<ApprovalPolicy> policyInForce(ApprovalDecision.Decision decision) {
        return decision == ApprovalDecision.Decision.APPROVED ? Optional.of(pricing.approvalPolicy().get()) : Optional.empty();
    }

    Quote decide(QuoteId id, ExpectedVersion expected, RevisionId revision, UUID priceResultId, ApprovalDecision.Decision decision, String reason,
            Optional<ApprovalPolicy> inForce) {
        Quote quote = quotes.lockedById(id);
        expected.check("QUOTE", quote.rowVersion());
        if (quote.status() == QuoteStatus.PENDING_APPROVAL) {
            inForce.ifPresent(policy -> requireGrantable(quote, policy));
        }
        quote.decide(revision, priceResultId, decision == ApprovalDecision.Decision.APPROVED, clock.instant());
        quotes.flush();
        decisions.add(ApprovalDecision.byApprover(quote, decision, reason, tenant.caller().subject(), Roles.SALES_MANAGER, clock.instant()));
        return quote;
    }

    /**
     * Every line the submit's requirement signalled must be within the SALES_MANAGER limit of the policy in
     * force now (version 0, no policy yet: a manager may grant any discount, as pricing decides).
     */
    private static void requireGrantable(Quote quote, ApprovalPolicy policy) {
        if (policy.policyVersion() == 0) {
            return;
        }
        Optional<BigDecimal> managerLimit = policy.limitOf(ApprovalPolicy.SALES_MANAGER);
        List<Integer> beyond = quote.approvalSignals().stream()
                .filter(s -> managerLimit.map(limit -> s.discountPercent().compareTo(limit) > 0).orElse(true))
                .map(ApprovalSignal::lineIndex).toList();
        if (!beyond.isEmpty()) {
            throw new DiscountNotApprovableException(beyond);
        }
    }

    /** The quote's approval evidence, oldest first. */
    public List<ApprovalDecision> decisionsOf(QuoteId id) {
        quotes.byId(id).orElseThrow(() -> new QuoteNotFoundException(id.toString()));
        return decisions.of(id);
    }
}
