package dev.cpq.pricing.pricelist.control;

import dev.cpq.platform.problem.entity.ProblemException;
import dev.cpq.pricing.pricelist.entity.PriceListId;
import dev.cpq.pricing.pricelist.entity.PriceListNotFoundException;
import dev.cpq.pricing.pricelist.entity.PriceListVersionNotFoundException;
import dev.cpq.pricing.pricelist.entity.PriceLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Says precisely what is missing when a version is not found: the whole list, or just that version. */
@ApplicationScoped
public class PriceListLookup {

    private PriceLists priceLists;

    protected PriceListLookup() {}

    @Inject
    public PriceListLookup(PriceLists priceLists) {
        this.priceLists = priceLists;
    }

    public ProblemException notFound(PriceListId id, long version) {
        return priceLists.exists(id) ? new PriceListVersionNotFoundException(id, version) : new PriceListNotFoundException(id);
    }
}
