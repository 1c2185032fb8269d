package dev.cpq.catalog.offering.control;

import dev.cpq.catalog.core.entity.Catalog;
import dev.cpq.catalog.core.entity.Catalogs;
import dev.cpq.catalog.core.entity.Offering;
import dev.cpq.catalog.core.entity.OfferingOption;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.publication.control.Publication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Creating or replacing an offering of a draft catalog version, against the version the editor saw. */
@ApplicationScoped
public class OfferingEditing {

    public static final String PUT_OFFERING = "catalog-version.put-offering";

    /** The draft after the change: the offering and the version's new row version (its ETag). */
    public record Edited(Catalog catalog, Offering offering) {}

    private Catalogs catalogs;
    private Publication publication;
    private final Clock clock = Clock.systemUTC();

    protected OfferingEditing() {}

    @Inject
    public OfferingEditing(Catalogs catalogs, Publication publication) {
        this.catalogs = catalogs;
        this.publication = publication;
    }

    @Transactional
    public Edited putOffering(long version, ExpectedVersion expected, String offeringId, String name, String family,
            List<OfferingOption> options) {
        return publication.editDraft(catalogs, version, expected, PUT_OFFERING, catalog -> {
            Offering offering = catalog.putOffering(catalogs.offering(catalog, offeringId), offeringId, name, family, options, clock.instant());
            catalogs.store(offering);
            return new Edited(catalog, offering);
        });
    }
}
