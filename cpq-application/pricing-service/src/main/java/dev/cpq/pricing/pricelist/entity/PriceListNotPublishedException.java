package dev.cpq.pricing.pricelist.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;

/** The list has drafts only: there is nothing to price against yet. */
public class PriceListNotPublishedException extends ProblemException {

    private static final long serialVersionUID = 1L;
    private final String priceListId;

    public PriceListNotPublishedException(PriceListId id) {
        super("Price list " + id + " has no published version.");
        this.priceListId = id.value();
    }

    @Override
    public Problem problem() {
        return Problem.of("PRICE_LIST_NOT_PUBLISHED", 409, "Price list not published", getMessage())
                .with("priceListId", priceListId)
                .with("remediation", "Publish a version of the price list (POST /price-lists/{priceListId}/versions/{v}/publish).");
    }
}
