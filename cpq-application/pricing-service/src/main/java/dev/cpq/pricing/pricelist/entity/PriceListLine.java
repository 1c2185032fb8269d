package dev.cpq.pricing.pricelist.entity;

import dev.cpq.platform.publication.entity.LineName;
import dev.cpq.platform.publication.entity.VersionLine;
import java.util.Optional;

/** The versions of one price list of the caller's tenant, as the publication mechanism sees them. */
record PriceListLine(PriceLists lists, PriceListId id) implements VersionLine<PriceList> {

    @Override
    public void lockPublication() {
        lists.lockPublication(id);
    }

    @Override
    public Optional<PriceList> active() {
        return lists.active(id);
    }

    @Override
    public PriceList forChange(long version) {
        return lists.byVersionForChange(id, new PriceListVersion(version)).orElseThrow(() -> lists.notFound(id, version));
    }

    @Override
    public void flush() {
        lists.flush();
    }

    @Override
    public void touch(PriceList version) {
        lists.touch(version);
    }

    @Override
    public LineName name() {
        return new LineName("PRICE_LIST", "PriceList");
    }

    /** {@code <priceListId>.v<n>}, as in the version's cache keys. */
    @Override
    public String auditId(PriceList version) {
        return version.priceListId().value() + "." + version.version();
    }
}
