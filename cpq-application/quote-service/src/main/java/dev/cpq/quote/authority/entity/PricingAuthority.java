package dev.cpq.quote.authority.entity;

/** What a quote asks of pricing-service: prices, and the database-backed facts that decide their freshness. */
public interface PricingAuthority {

    PriceResult price(PriceRequest request);

    /**
     * The list's active version, its staleness policy and the approval policy version, from pricing's
     * database; with {@code pricedOnVersion}, also when the first newer version was published.
     */
    Pending<ActivePriceList> activePriceList(String priceListId, long pricedOnVersion);

    /** The approval policy in force (version 0 without thresholds while none is set), from pricing's database. */
    Pending<ApprovalPolicy> approvalPolicy();
}
