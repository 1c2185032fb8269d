package dev.cpq.pricing.pricelist.entity;

import dev.cpq.platform.problem.entity.ResourceNotFoundException;

/** The list exists, but not in this version. */
public class PriceListVersionNotFoundException extends ResourceNotFoundException {

    private static final long serialVersionUID = 1L;

    public PriceListVersionNotFoundException(PriceListId id, long version) {
        super("PRICE_LIST_VERSION_NOT_FOUND", "Price list " + id + " has no version " + version + ".");
    }
}
