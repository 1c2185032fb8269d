package dev.cpq.catalog.version.entity;

public enum CatalogStatus {
    DRAFT,
    PUBLISHED,
    SUPERSEDED
}
