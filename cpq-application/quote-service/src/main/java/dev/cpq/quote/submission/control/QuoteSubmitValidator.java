package dev.cpq.quote.submission.control;

import dev.cpq.quote.core.entity.ApprovalRequirement;
import dev.cpq.quote.authority.entity.ActivePriceList;
import dev.cpq.quote.authority.entity.ApprovalPolicy;
import dev.cpq.quote.authority.entity.LinesVerdict;
import dev.cpq.quote.authority.entity.Pending;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.submission.entity.PublishedVersionPointers;
import dev.cpq.platform.command.entity.DependencyMovedException;
import dev.cpq.platform.command.entity.ReadAhead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The final freshness validation of a submit (and of an accept: the same facts, days later), in a fixed
 * order so the same facts always give the same refusal: catalog version, configuration, price list
 * version and price validity, then the approval requirement under the policy in force. Catalog and
 * pricing are asked at once, their answers judged in that order. Remote reads only: it runs outside the
 * command's transaction.
 */
@ApplicationScoped
public class QuoteSubmitValidator {

    private ConfigurationFreshnessChecker configuration;
    private QuotePricingFreshnessChecker pricing;
    private StaleRejections rejections;

    protected QuoteSubmitValidator() {}

    @Inject
    public QuoteSubmitValidator(ConfigurationFreshnessChecker configuration, QuotePricingFreshnessChecker pricing, StaleRejections rejections) {
        this.configuration = configuration;
        this.pricing = pricing;
        this.rejections = rejections;
    }

    /** Catalog's and pricing's answers about one quote, asked for at once and read by {@link #judge}. */
    public record Answers(Pending<LinesVerdict> catalog, Pending<ActivePriceList> pricing, Pending<ApprovalPolicy> policy) {}

    /**
     * What the owners' databases confirmed about the quote at {@code confirmedAt}: the catalog, price list
     * and approval policy versions in force, and the approval requirement decided under that policy.
     */
    public record Confirmed(long catalogVersion, long priceListVersion, long policyVersion, Instant confirmedAt,
            ApprovalRequirement requirement) {

        /**
         * Under the row lock: a pointer naming a newer version than confirmed means a publication committed
         * since; the command goes back to validate against the owners' databases (never commits on a hint).
         */
        public void requireUnmoved(PublishedVersionPointers.Pointers now) {
            now.movedAheadOf(catalogVersion, priceListVersion, policyVersion).ifPresent(owner -> {
                throw new DependencyMovedException(owner, "validated on catalog " + catalogVersion + ", price list " + priceListVersion
                        + ", policy " + policyVersion + "; pointers now " + now);
            });
        }
    }

    /** A quote read before the Idempotency-Key was claimed, and catalog's and pricing's answers on their way when it could go ahead. */
    public record Seen(Quote quote, Optional<Answers> answers) {}

    /** Before the claim: asks both services about the quote when {@code canGoAhead} holds for it. */
    public ReadAhead<Seen> readAhead(ReadAhead<Quote> quote, Predicate<Quote> canGoAhead) {
        return quote.then(q -> new Seen(q, canGoAhead.test(q) ? Optional.of(ask(q)) : Optional.empty()));
    }

    /** The answers asked before the claim; asked now if the quote could not go ahead then but passed the command's checks. */
    public Answers answers(Seen seen) {
        return seen.answers().orElseGet(() -> ask(seen.quote()));
    }

    /** Asks both services at once (nothing is waited for here). */
    public Answers ask(Quote quote) {
        return new Answers(configuration.ask(quote), pricing.ask(quote), pricing.askPolicy());
    }

    /**
     * @param sellerRoles the roles of the seller acting now (submitter or acceptor); the owner's are on the quote
     * @throws dev.cpq.quote.core.entity.QuoteStaleException (counted by code) when anything moved
     */
    public Confirmed judge(Quote quote, Answers answers, Set<String> sellerRoles, Instant now) {
        return rejections.counted(() -> confirm(quote, answers, sellerRoles, now));
    }

    /** As {@link #judge}, for a caller that counts its refusals itself (accept counts every stale refusal once, wherever found). */
    public Confirmed confirm(Quote quote, Answers answers, Set<String> sellerRoles, Instant now) {
        configuration.check(quote, answers.catalog());
        pricing.checkPrice(quote, now, answers.pricing());
        ApprovalRequirement requirement = pricing.requirement(quote, sellerRoles, answers.pricing(), answers.policy());
        return new Confirmed(quote.catalogVersion().orElseThrow(), answers.pricing().get().priceListVersion(), requirement.policyVersion(),
                now, requirement);
    }
}
