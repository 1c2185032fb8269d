package dev.cpq.catalog.core.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;

/** The tenant has no published catalog yet, so there is nothing to configure or price against. */
public class CatalogNotPublishedException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public CatalogNotPublishedException() {
        super("No catalog version has been published for this tenant.");
    }

    @Override
    public Problem problem() {
        return Problem.of("CATALOG_NOT_PUBLISHED", 404, "No active catalog", getMessage())
                .with("remediation", "Publish a catalog version (POST /catalog-versions/{v}/publish).");
    }
}
