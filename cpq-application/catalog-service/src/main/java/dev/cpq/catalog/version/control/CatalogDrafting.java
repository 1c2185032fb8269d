package dev.cpq.catalog.version.control;

import dev.cpq.catalog.core.entity.Catalog;
import dev.cpq.catalog.core.entity.Catalogs;
import dev.cpq.platform.publication.control.Publication;
import dev.cpq.platform.security.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.function.Function;

/** Opens new draft versions of the tenant's catalog (runs inside the command's transaction). */
@ApplicationScoped
public class CatalogDrafting {

    public static final String OPEN_DRAFT = "catalog-version.open-draft";

    private Catalogs catalogs;
    private Publication publication;
    private TenantContext tenant;
    private final Clock clock = Clock.systemUTC();

    protected CatalogDrafting() {}

    @Inject
    public CatalogDrafting(Catalogs catalogs, Publication publication, TenantContext tenant) {
        this.catalogs = catalogs;
        this.publication = publication;
        this.tenant = tenant;
    }

    /** The new draft starts as a copy of the active version's offerings and rules (empty for the first). */
    public Catalog openDraft(String description) {
        return publication.openDraft(catalogs, OPEN_DRAFT, active -> {
            Catalog draft = Catalog.draft(tenant.tenant().value(), catalogs.nextVersion(), description,
                    active.map(Catalog::version).orElse(null), clock.instant());
            catalogs.add(draft);
            active.ifPresent(from -> catalogs.copyContent(from, draft));
            return draft;
        }, Function.identity());
    }
}
