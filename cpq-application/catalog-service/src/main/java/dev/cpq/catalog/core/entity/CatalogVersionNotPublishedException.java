package dev.cpq.catalog.core.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;

/** Reads of offerings and rules serve published versions only: a draft still changes. */
public class CatalogVersionNotPublishedException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public CatalogVersionNotPublishedException(CatalogVersion version) {
        super("Catalog version " + version.sequence() + " is a draft; only published versions are read here.");
    }

    @Override
    public Problem problem() {
        return Problem.of("CATALOG_VERSION_NOT_PUBLISHED", 409, "Not published", getMessage())
                .with("remediation", "Publish the draft, or read the active version (omit catalogVersion).");
    }
}
