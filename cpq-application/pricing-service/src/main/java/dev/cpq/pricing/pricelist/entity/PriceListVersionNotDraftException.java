package dev.cpq.pricing.pricelist.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;

/** Only drafts are edited or published; published versions are what prices were calculated against. */
public class PriceListVersionNotDraftException extends ProblemException {

    private static final long serialVersionUID = 1L;
    private final String status;

    public PriceListVersionNotDraftException(PriceListId id, PriceListVersion version, PriceListStatus status) {
        super("Version " + version.sequence() + " of price list " + id + " is " + status + ", not a draft.");
        this.status = status.name();
    }

    @Override
    public Problem problem() {
        return Problem.of("PRICE_LIST_VERSION_NOT_DRAFT", 409, "Not a draft", getMessage())
                .with("versionStatus", status)
                .with("remediation", "Open a new draft (POST /price-lists/{priceListId}/versions) and edit that.");
    }
}
