package dev.cpq.quote.submission.control;

import dev.cpq.cache.freshness.VersionFreshness;
import dev.cpq.quote.authority.entity.ActivePriceList;
import dev.cpq.quote.authority.entity.ApprovalPolicy;
import dev.cpq.quote.authority.entity.ApprovalSignal;
import dev.cpq.quote.authority.entity.Pending;
import dev.cpq.quote.authority.entity.PricingAuthority;
import dev.cpq.quote.authority.entity.StalenessPolicy;
import dev.cpq.quote.drafting.entity.Quote;
import dev.cpq.quote.drafting.entity.QuoteLine;
import dev.cpq.quote.drafting.entity.QuoteStaleException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Is the quote's price still acceptable? The price result must still be valid, and its price list version
 * acceptable under the result's staleness policy against the version pricing's database names active:
 * REPRICE_REQUIRED_ON_PUBLISH needs the active version itself, VALID_UNTIL_QUOTE_EXPIRY accepts an older
 * one while the result is valid. Else {@code QUOTE_PRICING_STALE}. And which approval signals apply
 * now: the recorded ones, or, when the approval policy changed since pricing, ones recomputed from it.
 */
@ApplicationScoped
public class QuotePricingFreshnessChecker {

    /** The approval signals under the current policy version. */
    public record CurrentSignals(List<ApprovalSignal> signals, long policyVersion, boolean recomputed) {}

    private PricingAuthority pricing;

    protected QuotePricingFreshnessChecker() {}

    @Inject
    public QuotePricingFreshnessChecker(PricingAuthority pricing) {
        this.pricing = pricing;
    }

    /** Asks pricing for the list's active version and the approval policy version; read with {@link #checkPrice}. */
    public Pending<ActivePriceList> ask(Quote quote) {
        return pricing.activePriceList(quote.priceListId());
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
        if (!acceptable) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("priceListVersion", recorded);
            details.put("currentVersion", active.priceListVersion());
            details.put("stalenessPolicy", policy.name());
            throw stale("The quote was priced on price list version " + recorded + "; version " + active.priceListVersion()
                    + " is active and the policy " + policy + " does not accept the older one.", details);
        }
    }

    /** The recorded signals while the policy version is the one pricing names in force, else ones recomputed from the current policy. */
    public CurrentSignals currentSignals(Quote quote, Pending<ActivePriceList> asked) {
        long recorded = quote.policyVersion().orElseThrow();
        if (asked.get().approvalPolicyVersion() == recorded) {
            return new CurrentSignals(quote.approvalSignals(), recorded, false);
        }
        ApprovalPolicy policy = pricing.approvalPolicy();
        List<ApprovalSignal> signals = new ArrayList<>();
        for (int i = 0; i < quote.lines().size(); i++) {
            QuoteLine line = quote.lines().get(i);
            policy.signalFor(i, line.offeringId(), line.discountPercent()).ifPresent(signals::add);
        }
        return new CurrentSignals(signals, policy.policyVersion(), true);
    }

    private static QuoteStaleException stale(String detail, Map<String, Object> details) {
        return new QuoteStaleException(QuoteStaleException.QUOTE_PRICING_STALE, detail, "Price the quote again and submit it again.", details);
    }
}
