package dev.cpq.catalog.core.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;

/** Only drafts are edited or published; published versions are what quotes were made against. */
public class CatalogVersionNotDraftException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public CatalogVersionNotDraftException(CatalogVersion version, CatalogStatus status) {
        super("Catalog version " + version.sequence() + " is " + status + ", not a draft.");
    }

    @Override
    public Problem problem() {
        return Problem.of("CATALOG_VERSION_NOT_DRAFT", 409, "Not a draft", getMessage())
                .with("remediation", "Open a new draft (POST /catalog-versions) and edit that.");
    }
}
