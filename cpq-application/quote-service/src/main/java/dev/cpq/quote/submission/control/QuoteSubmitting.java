package dev.cpq.quote.submission.control;

import dev.cpq.platform.command.entity.Command;
import dev.cpq.platform.command.entity.ReadAhead;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.quote.approval.entity.ApprovalDecision;
import dev.cpq.quote.approval.entity.ApprovalDecisions;
import dev.cpq.quote.core.control.QuoteReadAhead;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.core.entity.QuoteStatus;
import dev.cpq.quote.core.entity.Quotes;
import dev.cpq.quote.core.entity.RevisionId;
import dev.cpq.quote.core.entity.SellerClass;
import dev.cpq.quote.submission.control.QuoteSubmitValidator.Confirmed;
import dev.cpq.quote.submission.control.QuoteSubmitValidator.Seen;
import dev.cpq.quote.submission.entity.CommitmentEvidence;
import dev.cpq.quote.submission.entity.CommitmentEvidences;
import dev.cpq.quote.submission.entity.PublishedVersionPointers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Submitting, as the command pipeline runs it: the quote read and catalog and pricing asked before the
 * Idempotency-Key is claimed ({@link #readAhead}); after the claim, with the transaction suspended, the
 * state and If-Match checked and every freshness check judged ({@link #validate}, {@link QuoteSubmitValidator});
 * then, under the row lock ({@link #submit}), If-Match again and the state change: APPROVED (with automatic
 * approval evidence) when the requirement decided now (policy in force, the lowest limit of owner and
 * submitter) has no signal, PENDING_APPROVAL otherwise. A publication may commit between the validation
 * and the lock: the version pointers read under the lock send the command back to its read-ahead
 * ({@link dev.cpq.platform.command.entity.DependencyMovedException}); the versions and the instant they
 * were confirmed are recorded with the decision ({@link CommitmentEvidence}) for the reconciler.
 */
@ApplicationScoped
public class QuoteSubmitting {

    public static final String SUBMIT = "quote.submit";

    /** What the validation confirmed about the revision the seller saw. */
    public record Validated(RevisionId revision, Confirmed confirmed) {}

    private Quotes quotes;
    private QuoteReadAhead quoteReadAhead;
    private ApprovalDecisions decisions;
    private QuoteSubmitValidator validator;
    private PublishedVersionPointers pointers;
    private CommitmentEvidences evidence;
    private TenantContext tenant;
    private final Clock clock = Clock.systemUTC();

    protected QuoteSubmitting() {}

    @Inject
    public QuoteSubmitting(Quotes quotes, QuoteReadAhead quoteReadAhead, ApprovalDecisions decisions, QuoteSubmitValidator validator,
            PublishedVersionPointers pointers, CommitmentEvidences evidence, TenantContext tenant) {
        this.quotes = quotes;
        this.quoteReadAhead = quoteReadAhead;
        this.decisions = decisions;
        this.validator = validator;
        this.pointers = pointers;
        this.evidence = evidence;
        this.tenant = tenant;
    }

    public Command<Seen, Validated, Quote> command(QuoteId id, ExpectedVersion expected) {
        return new Command<>(SUBMIT, () -> readAhead(id), seen -> validate(seen, expected), validated -> submit(id, expected, validated));
    }

    ReadAhead<Seen> readAhead(QuoteId id) {
        Instant now = clock.instant();
        return validator.readAhead(quoteReadAhead.of(id), q -> q.isSubmittable(now));
    }

    Validated validate(ReadAhead<Seen> readAhead, ExpectedVersion expected) {
        Seen seen = readAhead.get();
        expected.check("QUOTE", seen.quote().rowVersion());
        seen.quote().requireSubmittable(clock.instant());
        return new Validated(seen.quote().revisionId(),
                validator.judge(seen.quote(), validator.answers(seen), tenant.caller().roles(), clock.instant()));
    }

    Quote submit(QuoteId id, ExpectedVersion expected, Validated validated) {
        Quote quote = quotes.lockedById(id);
        expected.check("QUOTE", quote.rowVersion());
        Confirmed confirmed = validated.confirmed();
        confirmed.requireUnmoved(pointers.now(quote.priceListId()));
        quote.submit(validated.revision(), confirmed.requirement(), clock.instant());
        quotes.flush();
        if (quote.status() == QuoteStatus.APPROVED) {
            decisions.add(ApprovalDecision.automatic(quote, tenant.caller().subject(), automaticAuthority(quote), confirmed.requirement().sellerLimit(),
                    clock.instant()));
        }
        evidence.record(CommitmentEvidence.of(quote, SUBMIT, confirmed.catalogVersion(), confirmed.priceListVersion(), confirmed.policyVersion(),
                confirmed.confirmedAt()));
        return quote;
    }

    /** The authority of "no approval needed": the lowest seller class involved (owner and submitter). */
    private String automaticAuthority(Quote quote) {
        return quote.sellersWith(tenant.caller().roles()).contains(SellerClass.PARTNER) ? Roles.PARTNER : Roles.SALES_AGENT;
    }
}
