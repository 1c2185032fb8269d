package dev.cpq.catalog.offering.entity;

import java.util.List;
import java.util.Optional;

/** The offerings of catalog versions, always within the caller's tenant. */
public interface Offerings {

    Optional<Offering> find(long catalogId, String offeringId);

    /** The offerings of one family, by offering id. */
    List<Offering> ofFamily(long catalogId, String family);

    /** Every offering of the version, by offering id. */
    List<Offering> all(long catalogId);

    void add(Offering offering);

    /** A new draft starts from the active version's offerings. */
    void copyAll(long fromCatalogId, long toCatalogId);
}
