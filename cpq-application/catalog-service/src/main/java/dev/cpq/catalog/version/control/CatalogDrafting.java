package dev.cpq.catalog.version.control;

import dev.cpq.catalog.version.entity.Catalog;
import dev.cpq.catalog.version.entity.Catalogs;
import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.security.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** Opens new draft versions of the tenant's catalog (runs inside the command's transaction). */
@ApplicationScoped
public class CatalogDrafting {

    public static final String OPEN_DRAFT = "catalog-version.open-draft";

    private Catalogs catalogs;
    private TenantContext tenant;
    private AuditTrail audit;
    private final Clock clock = Clock.systemUTC();

    protected CatalogDrafting() {}

    @Inject
    public CatalogDrafting(Catalogs catalogs, TenantContext tenant, AuditTrail audit) {
        this.catalogs = catalogs;
        this.tenant = tenant;
        this.audit = audit;
    }

    public Catalog openDraft(String description) {
        Catalog draft = Catalog.draft(tenant.tenant().value(), catalogs.nextVersion(), description, clock.instant());
        catalogs.add(draft);
        audit.succeeded(AuditedChange.created("Catalog", Long.toString(draft.version().sequence()), OPEN_DRAFT,
                draft.status().name(), draft.rowVersion()));
        return draft;
    }
}
