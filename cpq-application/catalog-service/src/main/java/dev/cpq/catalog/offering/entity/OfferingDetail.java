package dev.cpq.catalog.offering.entity;

import dev.cpq.catalog.core.entity.Offering;
import dev.cpq.catalog.core.entity.OfferingOption;
import java.util.List;

/** A published offering as readers see it (and as it is cached): always naming its catalog version. */
public record OfferingDetail(long catalogVersion, String offeringId, String name, String family, List<OfferingOption> options) {

    public OfferingDetail {
        options = List.copyOf(options);
    }

    public static OfferingDetail of(long catalogVersion, Offering offering) {
        return new OfferingDetail(catalogVersion, offering.offeringId(), offering.name(), offering.family(), offering.options());
    }
}
