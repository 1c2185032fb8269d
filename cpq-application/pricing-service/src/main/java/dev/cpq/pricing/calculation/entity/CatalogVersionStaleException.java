package dev.cpq.pricing.calculation.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;

/**
 * The lines were configured against a catalog version that is not the active one (an older one, one
 * not published, or none is published at all): prices would be for offerings that may have changed.
 */
public class CatalogVersionStaleException extends ProblemException {

    private static final long serialVersionUID = 1L;
    private final long requested;
    private final Long current;

    public CatalogVersionStaleException(long requested, long current) {
        super("Catalog version " + requested + " is not the active catalog version; the active version is " + current + ".");
        this.requested = requested;
        this.current = current;
    }

    private CatalogVersionStaleException(long requested) {
        super("Catalog version " + requested + " is not the active catalog version; no catalog version is published.");
        this.requested = requested;
        this.current = null;
    }

    public static CatalogVersionStaleException nothingPublished(long requested) {
        return new CatalogVersionStaleException(requested);
    }

    @Override
    public Problem problem() {
        Problem p = Problem.of("CATALOG_VERSION_STALE", 409, "Catalog version not acceptable", getMessage()).with("catalogVersion", requested);
        if (current == null) {
            return p.with("remediation", "Publish a catalog version, re-validate the configuration against it and price again.");
        }
        return p.with("currentVersion", current)
                .with("remediation", "re-validate the configuration against catalog version " + current + " and price again");
    }
}
