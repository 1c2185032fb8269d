package dev.cpq.quote.authority.entity;

/**
 * A price list's published version as pricing's database names it, with the approval policy version in
 * force there (0 while none is set).
 */
public record ActivePriceList(String priceListId, long priceListVersion, StalenessPolicy stalenessPolicy, long approvalPolicyVersion) {}
