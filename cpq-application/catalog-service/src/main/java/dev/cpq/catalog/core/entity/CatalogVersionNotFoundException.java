package dev.cpq.catalog.core.entity;

import dev.cpq.platform.problem.entity.ResourceNotFoundException;

/** No such version for the caller's tenant (another tenant's versions answer the same). */
public class CatalogVersionNotFoundException extends ResourceNotFoundException {

    private static final long serialVersionUID = 1L;

    public CatalogVersionNotFoundException(long version) {
        super("CATALOG_VERSION_NOT_FOUND", "There is no catalog version " + version + ".");
    }
}
