package dev.cpq.pricing.pricelist.entity;

import dev.cpq.platform.problem.entity.ResourceNotFoundException;

/** No version of such a list for the caller's tenant (another tenant's lists answer the same). */
public class PriceListNotFoundException extends ResourceNotFoundException {

    private static final long serialVersionUID = 1L;

    public PriceListNotFoundException(PriceListId id) {
        super("PRICE_LIST_NOT_FOUND", "There is no price list " + id + ".");
    }
}
