package dev.cpq.quote.authority.entity;

/** A price list's published version as pricing's database names it. */
public record ActivePriceList(String priceListId, long priceListVersion, StalenessPolicy stalenessPolicy) {}
