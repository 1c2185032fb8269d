package dev.cpq.tests.support;

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

    public String agent() {
        return TestTokens.token(tenant, "SALES_AGENT");
    }

    public String manager() {
        return TestTokens.token(tenant, "SALES_MANAGER");
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
}
