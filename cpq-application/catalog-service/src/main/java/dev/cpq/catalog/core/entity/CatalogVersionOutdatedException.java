package dev.cpq.catalog.core.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;

/** Publishing a draft older than the active version would move the catalog backwards. */
public class CatalogVersionOutdatedException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public CatalogVersionOutdatedException(long draft, long active) {
        super("Draft " + draft + " is older than the active version " + active + "; publishing it would move the catalog backwards.");
    }

    @Override
    public Problem problem() {
        return Problem.of("CATALOG_VERSION_OUTDATED", 409, "Draft outdated", getMessage())
                .with("remediation", "Open a new draft from the active version and publish that.");
    }
}
