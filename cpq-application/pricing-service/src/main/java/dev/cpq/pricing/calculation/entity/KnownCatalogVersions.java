package dev.cpq.pricing.calculation.entity;

import java.util.OptionalLong;

/** The tenant's active catalog version as pricing last learned it from catalog's publications. */
public interface KnownCatalogVersions {

    OptionalLong activeVersion();
}
