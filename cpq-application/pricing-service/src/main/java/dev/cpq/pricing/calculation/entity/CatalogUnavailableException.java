package dev.cpq.pricing.calculation.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;
import java.util.Map;

/**
 * Catalog-service could not say which catalog version is active (unreachable, too slow, or an
 * unexpected answer). Pricing against an unconfirmed version is not an option: 503, try again.
 */
public class CatalogUnavailableException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public CatalogUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }

    public CatalogUnavailableException(String detail) {
        super(detail);
    }

    @Override
    public Problem problem() {
        return Problem.of("CATALOG_UNAVAILABLE", 503, "Catalog unavailable",
                        "The active catalog version could not be confirmed with catalog-service: " + getMessage())
                .with("remediation", "Retry shortly; if it persists, check catalog-service's health.");
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", "2");
    }
}
