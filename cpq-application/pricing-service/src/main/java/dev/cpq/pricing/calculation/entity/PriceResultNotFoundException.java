package dev.cpq.pricing.calculation.entity;

import dev.cpq.platform.problem.entity.ResourceNotFoundException;

/** No such price result for the caller's tenant (unknown, another tenant's, or not an id at all). */
public class PriceResultNotFoundException extends ResourceNotFoundException {

    private static final long serialVersionUID = 1L;

    public PriceResultNotFoundException(String priceResultId) {
        super("PRICE_RESULT_NOT_FOUND", "There is no price result " + shown(priceResultId) + ".");
    }

    private static String shown(String id) {
        // never echo an unbounded piece of the caller's input
        return id == null ? "" : id.length() > 40 ? id.substring(0, 40) + "..." : id;
    }
}
