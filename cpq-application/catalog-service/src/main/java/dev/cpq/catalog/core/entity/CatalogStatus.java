package dev.cpq.catalog.core.entity;

public enum CatalogStatus {
    DRAFT,
    PUBLISHED,
    SUPERSEDED
}
