package dev.cpq.catalog.version.control;

import dev.cpq.catalog.version.entity.Catalog;
import dev.cpq.catalog.version.entity.Catalogs;
import dev.cpq.platform.security.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** Opens new draft versions of the tenant's catalog (runs inside the command's transaction). */
@ApplicationScoped
public class CatalogDrafting {

    private Catalogs catalogs;
    private TenantContext tenant;
    private final Clock clock = Clock.systemUTC();

    protected CatalogDrafting() {}

    @Inject
    public CatalogDrafting(Catalogs catalogs, TenantContext tenant) {
        this.catalogs = catalogs;
        this.tenant = tenant;
    }

    public Catalog openDraft(String description) {
        Catalog draft = Catalog.draft(tenant.tenant().value(), catalogs.nextVersion(), description, clock.instant());
        catalogs.add(draft);
        return draft;
    }
}
