package dev.cpq.pricing.pricelist.control;

import dev.cpq.pricing.pricelist.entity.PriceList;

/** How price list versions are named in the audit trail: {@code <priceListId>.v<n>}, as in their cache keys. */
public final class PriceListAudit {

    private PriceListAudit() {}

    public static String aggregateId(PriceList version) {
        return version.priceListId().value() + "." + version.version();
    }
}
