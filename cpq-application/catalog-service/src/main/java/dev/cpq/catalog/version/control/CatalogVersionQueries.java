package dev.cpq.catalog.version.control;

import dev.cpq.catalog.core.entity.Catalog;
import dev.cpq.catalog.core.entity.CatalogNotPublishedException;
import dev.cpq.catalog.core.entity.Catalogs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Read side of catalog versions; always from PostgreSQL, the authority on what is active. */
@ApplicationScoped
public class CatalogVersionQueries {

    private Catalogs catalogs;

    protected CatalogVersionQueries() {}

    @Inject
    public CatalogVersionQueries(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    public Catalog activeCatalog() {
        return catalogs.active().orElseThrow(CatalogNotPublishedException::new);
    }

    public java.util.List<Catalog> allVersions() {
        return catalogs.all();
    }
}
