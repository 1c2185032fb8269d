package dev.cpq.catalog.offering.control;

import dev.cpq.catalog.offering.entity.Offering;
import dev.cpq.catalog.offering.entity.OfferingOption;
import dev.cpq.catalog.offering.entity.Offerings;
import dev.cpq.catalog.version.entity.Catalog;
import dev.cpq.catalog.version.entity.CatalogVersion;
import dev.cpq.catalog.version.entity.CatalogVersionNotFoundException;
import dev.cpq.catalog.version.entity.Catalogs;
import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
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
    private Offerings offerings;
    private AuditTrail audit;
    private final Clock clock = Clock.systemUTC();

    protected OfferingEditing() {}

    @Inject
    public OfferingEditing(Catalogs catalogs, Offerings offerings, AuditTrail audit) {
        this.catalogs = catalogs;
        this.offerings = offerings;
        this.audit = audit;
    }

    @Transactional
    public Edited putOffering(long version, ExpectedVersion expected, String offeringId, String name, String family,
            List<OfferingOption> options) {
        Catalog catalog = catalogs.byVersionForChange(new CatalogVersion(version))
                .orElseThrow(() -> new CatalogVersionNotFoundException(version));
        catalog.requireDraft();
        long before = catalog.rowVersion();
        expected.check("CATALOG", before);
        Offering offering = offerings.find(catalog.id(), offeringId).orElse(null);
        if (offering == null) {
            offering = Offering.of(catalog.id(), catalog.tenantId(), offeringId, name, family, options, clock.instant());
            offerings.add(offering);
        } else {
            offering.replaceWith(name, family, options, clock.instant());
        }
        // every content change raises the version (the row lock makes a second editor wait and then see it);
        // the optimistic check at flush stays as the guard should the lock ever be bypassed
        catalogs.touch(catalog);
        audit.succeeded(new AuditedChange("Catalog", Long.toString(version), PUT_OFFERING, "DRAFT", "DRAFT", before, catalog.rowVersion()));
        return new Edited(catalog, offering);
    }
}
