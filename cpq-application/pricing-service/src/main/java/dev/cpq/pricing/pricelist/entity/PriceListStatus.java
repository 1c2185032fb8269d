package dev.cpq.pricing.pricelist.entity;

public enum PriceListStatus {
    DRAFT,
    PUBLISHED,
    SUPERSEDED
}
