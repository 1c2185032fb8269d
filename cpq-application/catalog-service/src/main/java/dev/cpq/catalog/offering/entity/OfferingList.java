package dev.cpq.catalog.offering.entity;

import java.util.List;

/** The offerings of a published catalog version, of one family or ({@code family} null) all of them. */
public record OfferingList(long catalogVersion, String family, List<OfferingDetail> offerings) {

    public OfferingList {
        offerings = List.copyOf(offerings);
    }
}
