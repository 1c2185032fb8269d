package dev.cpq.tests.support;

import java.time.Duration;
import java.time.Instant;

/**
 * A tenant ready to quote: catalog version 1 with {@code fiber-1g} (options speed, router), price list
 * {@code standard} version 1 with its EUR price (market eu, channel direct), and an approval policy
 * (sales agent up to 10 %, sales manager up to 25 %).
 */
public final class QuotingTenant {

    public final String tenant = TestTokens.uniqueTenant("quote");
    public final CatalogAdministration catalog = new CatalogAdministration(tenant);
    public final PricingAdministration pricing = new PricingAdministration(tenant);
    public final long catalogVersion;
    private final HeldToken agent = new HeldToken("SALES_AGENT");
    private final HeldToken manager = new HeldToken("SALES_MANAGER");

    public QuotingTenant() {
        catalogVersion = catalog.openDraft();
        catalog.putInternetOffering(catalogVersion, "fiber-1g", "Fiber 1G");
        catalog.publish(catalogVersion);
        catalog.awaitPointer(catalogVersion);
        long priceList = pricing.openDraft("standard", null);
        pricing.putEurPrice("standard", priceList, "fiber-1g", "49.00", "59.90");
        pricing.published("standard", priceList);
        pricing.approvalPolicy("[{\"role\":\"SALES_AGENT\",\"maxDiscountPercent\":10},{\"role\":\"SALES_MANAGER\",\"maxDiscountPercent\":25}]");
    }

    /** The sales agent's bearer token: one per session, as a sales UI holds it, renewed a minute before it expires. */
    public String agent() {
        return agent.current();
    }

    /** The sales manager's bearer token (held like the agent's). */
    public String manager() {
        return manager.current();
    }

    /** A new DRAFT quote of this tenant, as a sales agent opens it. */
    public QuoteDesk newQuote() {
        return QuoteDesk.open(this, null);
    }

    /** A new quote valid until the given instant (ISO-8601). */
    public QuoteDesk newQuoteValidUntil(String validUntil) {
        return QuoteDesk.open(this, validUntil);
    }

    /** Publishes a new price list version (same prices), so earlier prices are stale under REPRICE_REQUIRED_ON_PUBLISH. */
    public long publishNewPriceListVersion(boolean awaitPointer) {
        long v = pricing.openDraft("standard", null);
        var published = pricing.publish("standard", v);
        if (published.status() != 200) {
            throw new AssertionError("price list publication: " + published.body());
        }
        if (awaitPointer) {
            pricing.awaitPointer("price-list", v);
        }
        return v;
    }

    /**
     * A token signed once and reused until shortly before it expires: minting one per request would make
     * every call a first sight of a new token (an RS256 signature here and a verification in each service).
     */
    private final class HeldToken {

        private static final Duration TTL = Duration.ofMinutes(10);
        private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

        private final String role;
        private String token;
        private Instant renewAt = Instant.MIN;

        HeldToken(String role) {
            this.role = role;
        }

        synchronized String current() {
            Instant now = Instant.now();
            if (now.isAfter(renewAt)) {
                token = TestTokens.token(tenant, TTL, role);
                renewAt = now.plus(TTL).minus(RENEW_BEFORE);
            }
            return token;
        }
    }
}
