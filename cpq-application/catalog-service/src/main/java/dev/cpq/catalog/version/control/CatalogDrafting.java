package dev.cpq.catalog.version.control;

import dev.cpq.catalog.offering.entity.Offerings;
import dev.cpq.catalog.rule.entity.RuleSets;
import dev.cpq.catalog.version.entity.Catalog;
import dev.cpq.catalog.version.entity.Catalogs;
import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.security.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/** Opens new draft versions of the tenant's catalog (runs inside the command's transaction). */
@ApplicationScoped
public class CatalogDrafting {

    public static final String OPEN_DRAFT = "catalog-version.open-draft";

    private Catalogs catalogs;
    private Offerings offerings;
    private RuleSets ruleSets;
    private TenantContext tenant;
    private AuditTrail audit;
    private final Clock clock = Clock.systemUTC();

    protected CatalogDrafting() {}

    @Inject
    public CatalogDrafting(Catalogs catalogs, Offerings offerings, RuleSets ruleSets, TenantContext tenant, AuditTrail audit) {
        this.catalogs = catalogs;
        this.offerings = offerings;
        this.ruleSets = ruleSets;
        this.tenant = tenant;
        this.audit = audit;
    }

    /** The new draft starts as a copy of the active version's offerings and rules (empty for the first). */
    public Catalog openDraft(String description) {
        Optional<Catalog> active = catalogs.active();
        Catalog draft = Catalog.draft(tenant.tenant().value(), catalogs.nextVersion(), description,
                active.map(Catalog::version).orElse(null), clock.instant());
        catalogs.add(draft);
        active.ifPresent(from -> {
            offerings.copyAll(from.id(), draft.id());
            ruleSets.copyAll(from.id(), draft.id());
        });
        audit.succeeded(AuditedChange.created("Catalog", Long.toString(draft.version().sequence()), OPEN_DRAFT,
                draft.status().name(), draft.rowVersion()));
        return draft;
    }
}
