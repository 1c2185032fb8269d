package dev.cpq.catalog.offering.control;

import dev.cpq.events.cache.CatalogCacheKeys;
import dev.cpq.catalog.core.entity.Catalog;
import dev.cpq.catalog.core.entity.CatalogNotPublishedException;
import dev.cpq.catalog.core.entity.Catalogs;
import dev.cpq.catalog.core.entity.Offering;
import dev.cpq.catalog.offering.entity.OfferingDetail;
import dev.cpq.catalog.offering.entity.OfferingList;
import dev.cpq.catalog.offering.entity.OfferingNotFoundException;
import dev.cpq.platform.cache.control.CachedReads;
import dev.cpq.platform.security.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Reads of published offerings. The active version comes from the cache pointer (the database when
 * Redis has none), the content from versioned cache keys: a published version never changes, so an
 * entry of version N is right for as long as anyone asks for version N. Drafts are never cached.
 */
@ApplicationScoped
public class PublishedOfferings {

    static final String ALL_FAMILIES = "all";

    private Catalogs catalogs;
    private CachedReads reads;
    private TenantContext tenant;

    protected PublishedOfferings() {}

    @Inject
    public PublishedOfferings(Catalogs catalogs, CachedReads reads, TenantContext tenant) {
        this.catalogs = catalogs;
        this.reads = reads;
        this.tenant = tenant;
    }

    /** The version reads use when the caller names none (may trail a publication until its event moved the pointer). */
    public long activeVersion() {
        return reads.activeVersion(CatalogCacheKeys.line(tenant()),
                () -> catalogs.active().orElseThrow(CatalogNotPublishedException::new).version().sequence());
    }

    public OfferingDetail offering(String offeringId, Optional<Long> catalogVersion) {
        long version = catalogVersion.orElseGet(this::activeVersion);
        return reads.projection(CatalogCacheKeys.offeringDetail(tenant(), version, offeringId), OfferingDetail.class, () -> {
            Catalog catalog = catalogs.published(version);
            Offering offering = catalogs.offering(catalog, offeringId).orElseThrow(() -> new OfferingNotFoundException(version, offeringId));
            return OfferingDetail.of(version, offering);
        });
    }

    public OfferingList offerings(Optional<String> family) {
        long version = activeVersion();
        return reads.projection(CatalogCacheKeys.offeringList(tenant(), version, family.orElse(ALL_FAMILIES)), OfferingList.class, () -> {
            Catalog catalog = catalogs.published(version);
            List<Offering> found = family.map(f -> catalogs.offeringsOf(catalog, f)).orElseGet(() -> catalogs.offerings(catalog));
            return new OfferingList(version, family.orElse(null), found.stream().map(o -> OfferingDetail.of(version, o)).toList());
        });
    }

    private String tenant() {
        return tenant.tenant().value();
    }
}
