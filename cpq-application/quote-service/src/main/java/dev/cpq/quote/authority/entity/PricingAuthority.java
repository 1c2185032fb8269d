package dev.cpq.quote.authority.entity;

/** What a quote asks of pricing-service: prices, and the database-backed facts that decide their freshness. */
public interface PricingAuthority {

    PriceResult price(PriceRequest request);

    /** The list's active version, its staleness policy and the approval policy version, from pricing's database. */
    Pending<ActivePriceList> activePriceList(String priceListId);

    /** The current approval policy (version 0 without thresholds while none is set); asked only when its version moved. */
    ApprovalPolicy approvalPolicy();
}
