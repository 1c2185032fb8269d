package dev.cpq.pricing.pricelist.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;

/** Publishing a draft older than the active version would move the price list backwards. */
public class PriceListVersionOutdatedException extends ProblemException {

    private static final long serialVersionUID = 1L;
    private final long active;

    public PriceListVersionOutdatedException(PriceListId id, long draft, long active) {
        super("Draft " + draft + " of price list " + id + " is older than the active version " + active
                + "; publishing it would move the price list backwards.");
        this.active = active;
    }

    @Override
    public Problem problem() {
        return Problem.of("PRICE_LIST_VERSION_OUTDATED", 409, "Draft outdated", getMessage())
                .with("currentVersion", active)
                .with("remediation", "Open a new draft from the active version and publish that.");
    }
}
