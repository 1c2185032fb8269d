package dev.cpq.pricing.pricelist.entity;

import java.util.List;
import java.util.Optional;

/** The entries of price list versions, always within the caller's tenant. */
public interface PriceEntries {

    /** All entries of a version, by offering, currency, market and channel. */
    List<PriceEntry> of(PriceList version);

    List<PriceEntry> ofOffering(PriceList version, String offeringId);

    /** The currency/market/channel combinations a version has at least one price in, ordered. */
    List<PriceScope> scopesOf(PriceList version);

    /** The price of one offering in one scope of a version (any status). */
    Optional<PricePoint> find(PriceListId id, PriceListVersion version, String offeringId, PriceScope scope);

    /** Removes the offering's entries from a draft (replacing them is remove, then add). */
    void removeOffering(PriceList draft, String offeringId);

    void add(PriceEntry entry);

    /** Copies every entry of {@code source} into the new draft {@code target}; the number copied. */
    int copy(PriceList source, PriceList target);
}
