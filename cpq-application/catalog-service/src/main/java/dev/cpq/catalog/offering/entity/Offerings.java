package dev.cpq.catalog.offering.entity;

import java.util.Optional;

/** The offerings of catalog versions, always within the caller's tenant. */
public interface Offerings {

    Optional<Offering> find(long catalogId, String offeringId);

    void add(Offering offering);
}
