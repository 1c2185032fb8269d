package dev.cpq.quote.authority.entity;

/** What a quote asks of pricing-service: prices, and the database-backed facts that decide their freshness. */
public interface PricingAuthority {

    PriceResult price(PriceRequest request);

    /** The list's active version and staleness policy, from pricing's database. */
    ActivePriceList activePriceList(String priceListId);

    /** The current approval policy (version 0 without thresholds while none is set). */
    ApprovalPolicy approvalPolicy();
}
