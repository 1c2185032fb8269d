package dev.cpq.quote.submission.control;

import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.quote.approval.entity.ApprovalDecision;
import dev.cpq.quote.approval.entity.ApprovalDecisions;
import dev.cpq.quote.approval.entity.SellerClass;
import dev.cpq.quote.authority.control.OutsideTransaction;
import dev.cpq.quote.drafting.control.PreparedCommand;
import dev.cpq.quote.drafting.entity.Quote;
import dev.cpq.quote.drafting.entity.QuoteId;
import dev.cpq.quote.drafting.entity.QuoteNotFoundException;
import dev.cpq.quote.drafting.entity.QuoteStatus;
import dev.cpq.quote.drafting.entity.Quotes;
import dev.cpq.quote.drafting.entity.RevisionId;
import dev.cpq.quote.submission.entity.CommitmentEvidence;
import dev.cpq.quote.submission.entity.CommitmentEvidences;
import dev.cpq.quote.submission.entity.PublishedVersionPointers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Submitting: the quote read and catalog and pricing asked ({@link #prepare}) before the command claims its
 * Idempotency-Key, so their answers are on the way while the key is claimed; then, in the command, the state
 * and If-Match checked and every freshness check judged ({@link QuoteSubmitValidator}) with the command's
 * transaction suspended; then, under the row lock, If-Match checked again and the state change applied:
 * APPROVED (with automatic approval evidence) when the requirement decided now (policy in force, the
 * lowest limit of owner and submitter) has no signal, PENDING_APPROVAL otherwise; a new approval round.
 * Between the validation and the lock a publication may commit: under the lock the version pointers are
 * read again (one Redis round trip) and any newer version sends the command back to validate
 * ({@link dev.cpq.quote.submission.entity.VersionsMovedException}); the versions and the instant they were
 * confirmed are recorded with the decision ({@link CommitmentEvidence}) for the reconciler.
 */
@ApplicationScoped
public class QuoteSubmitting {

    public static final String SUBMIT = "quote.submit";

    private record Validated(RevisionId revision, QuoteSubmitValidator.Confirmed confirmed) {}

    private Quotes quotes;
    private ApprovalDecisions decisions;
    private QuoteSubmitValidator validator;
    private OutsideTransaction outside;
    private PublishedVersionPointers pointers;
    private CommitmentEvidences evidence;
    private AuditTrail audit;
    private TenantContext tenant;
    private final Clock clock = Clock.systemUTC();

    protected QuoteSubmitting() {}

    @Inject
    public QuoteSubmitting(Quotes quotes, ApprovalDecisions decisions, QuoteSubmitValidator validator, OutsideTransaction outside,
            PublishedVersionPointers pointers, CommitmentEvidences evidence, AuditTrail audit, TenantContext tenant) {
        this.quotes = quotes;
        this.decisions = decisions;
        this.validator = validator;
        this.outside = outside;
        this.pointers = pointers;
        this.evidence = evidence;
        this.audit = audit;
        this.tenant = tenant;
    }

    /** Outside any transaction, before the command: reads only. */
    public PreparedCommand<QuoteSubmitValidator.Answers> prepare(QuoteId id) {
        Instant now = clock.instant();
        return PreparedCommand.of(() -> quotes.byId(id), q -> q.isSubmittable(now), validator::ask);
    }

    /** Runs in the idempotent command's transaction. */
    public Quote submit(QuoteId id, ExpectedVersion expected, PreparedCommand<QuoteSubmitValidator.Answers> prepared) {
        Quote seen = prepared.quote(id);
        expected.check("QUOTE", seen.rowVersion());
        seen.requireSubmittable(clock.instant());
        Validated validated = outside.run(() -> {
            QuoteSubmitValidator.Answers answers = prepared.answers(seen, validator::ask);
            return new Validated(seen.revisionId(), validator.judge(seen, answers, tenant.caller().roles(), clock.instant()));
        });
        Quote quote = quotes.byIdForChange(id).orElseThrow(() -> new QuoteNotFoundException(id.toString()));
        long before = quote.rowVersion();
        String from = quote.status().name();
        expected.check("QUOTE", before);
        QuoteSubmitValidator.Confirmed confirmed = validated.confirmed();
        confirmed.requireUnmoved(pointers.now(quote.priceListId()));
        quote.submit(validated.revision(), confirmed.requirement(), clock.instant());
        quotes.flush();
        if (quote.status() == QuoteStatus.APPROVED) {
            // the authority of "no approval needed": the lowest seller class involved (owner and submitter)
            String role = quote.sellersWith(tenant.caller().roles()).contains(SellerClass.PARTNER) ? Roles.PARTNER : Roles.SALES_AGENT;
            decisions.add(ApprovalDecision.automatic(quote, tenant.caller().subject(), role, validated.confirmed().requirement().sellerLimit(),
                    clock.instant()));
        }
        evidence.record(CommitmentEvidence.of(quote, SUBMIT, confirmed.catalogVersion(), confirmed.priceListVersion(), confirmed.policyVersion(),
                confirmed.confirmedAt()));
        audit.succeeded(new AuditedChange("Quote", id.toString(), SUBMIT, from, quote.status().name(), before, quote.rowVersion()));
        return quote;
    }
}
