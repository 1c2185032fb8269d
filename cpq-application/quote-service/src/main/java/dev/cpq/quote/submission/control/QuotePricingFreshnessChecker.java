package dev.cpq.quote.submission.control;

import dev.cpq.cache.freshness.VersionFreshness;
import dev.cpq.quote.core.entity.ApprovalRequirement;
import dev.cpq.quote.authority.entity.ActivePriceList;
import dev.cpq.quote.authority.entity.ApprovalPolicy;
import dev.cpq.quote.authority.entity.Pending;
import dev.cpq.quote.authority.entity.PricingAuthority;
import dev.cpq.quote.authority.entity.StalenessPolicy;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteStaleException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Is the quote's price still acceptable? The price result must still be valid, and its price list version
 * acceptable under the result's staleness policy against the version pricing's database names active:
 * REPRICE_REQUIRED_ON_PUBLISH needs the active version itself, VALID_UNTIL_QUOTE_EXPIRY accepts an older
 * one while the result is valid, but only a result made BEFORE a newer version was published (one made
 * after it was priced on a lagging pointer and is stale whatever its policy). Else {@code QUOTE_PRICING_STALE}.
 * And which approval the quote needs now: decided from the policy in force ({@link ApprovalRequirement}).
 */
@ApplicationScoped
public class QuotePricingFreshnessChecker {

    private PricingAuthority pricing;

    protected QuotePricingFreshnessChecker() {}

    @Inject
    public QuotePricingFreshnessChecker(PricingAuthority pricing) {
        this.pricing = pricing;
    }

    /** Asks pricing for the list's active version and the approval policy version; read with {@link #checkPrice}. */
    public Pending<ActivePriceList> ask(Quote quote) {
        return pricing.activePriceList(quote.priceListId(), quote.priceListVersion().orElse(0L));
    }

    /** Asks pricing for the approval policy in force; read with {@link #requirement}. */
    public Pending<ApprovalPolicy> askPolicy() {
        return pricing.approvalPolicy();
    }

    public void checkPrice(Quote quote, Instant now, Pending<ActivePriceList> asked) {
        Instant validUntil = quote.priceValidUntil().orElseThrow(() -> new IllegalStateException("the quote is priced"));
        long recorded = quote.priceListVersion().orElseThrow();
        if (!validUntil.isAfter(now)) {
            throw stale("The price result expired at " + validUntil + ".", Map.of("priceValidUntil", validUntil.toString()));
        }
        ActivePriceList active = asked.get();
        VersionFreshness freshness = VersionFreshness.of(recorded, active.priceListVersion());
        StalenessPolicy policy = quote.stalenessPolicy().orElseThrow();
        boolean acceptable = policy == StalenessPolicy.REPRICE_REQUIRED_ON_PUBLISH ? freshness.isCurrent() : !freshness.isAhead();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("priceListVersion", recorded);
        details.put("currentVersion", active.priceListVersion());
        details.put("stalenessPolicy", policy.name());
        if (!acceptable) {
            throw stale("The quote was priced on price list version " + recorded + "; version " + active.priceListVersion()
                    + " is active and the policy " + policy + " does not accept the older one.", details);
        }
        if (freshness.isSuperseded() && madeAfterANewerPublication(quote, active)) {
            quote.pricedAt().ifPresent(at -> details.put("pricedAt", at.toString()));
            active.newerPublishedAt().ifPresent(at -> details.put("newerVersionPublishedAt", at.toString()));
            throw stale("The quote was priced on price list version " + recorded + " after a newer version was published"
                    + " (a lagging version pointer): such a price is stale under any policy.", details);
        }
    }

    /** Unknown times count as late: a result is kept only when it is known to predate every newer publication. */
    private static boolean madeAfterANewerPublication(Quote quote, ActivePriceList active) {
        Optional<Instant> pricedAt = quote.pricedAt();
        Optional<Instant> newer = active.newerPublishedAt();
        return pricedAt.isEmpty() || newer.isEmpty() || !pricedAt.get().isBefore(newer.get());
    }

    /**
     * The approval the quote needs under the policy in force, for its owner and the acting seller. The
     * policy read must not be older than the version the list's answer names in force; if it is (a
     * policy published between the two reads), it is read again.
     */
    public ApprovalRequirement requirement(Quote quote, Set<String> callerRoles, Pending<ActivePriceList> asked, Pending<ApprovalPolicy> policy) {
        ApprovalPolicy inForce = policy.get();
        if (inForce.policyVersion() < asked.get().approvalPolicyVersion()) {
            inForce = pricing.approvalPolicy().get();
        }
        return ApprovalRequirement.of(inForce, quote.lines(), quote.sellersWith(callerRoles));
    }

    private static QuoteStaleException stale(String detail, Map<String, Object> details) {
        return new QuoteStaleException(QuoteStaleException.QUOTE_PRICING_STALE, detail, "Price the quote again and submit it again.", details);
    }
}
