package dev.cpq.catalog.offering.entity;

import dev.cpq.platform.problem.entity.ResourceNotFoundException;

/** No such offering in that catalog version of the caller's tenant. */
public class OfferingNotFoundException extends ResourceNotFoundException {

    private static final long serialVersionUID = 1L;

    public OfferingNotFoundException(long catalogVersion, String offeringId) {
        super("OFFERING_NOT_FOUND", "Catalog version " + catalogVersion + " has no offering " + offeringId + ".");
    }
}
