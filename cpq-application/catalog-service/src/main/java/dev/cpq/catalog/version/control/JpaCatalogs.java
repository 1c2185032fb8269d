package dev.cpq.catalog.version.control;

import dev.cpq.catalog.version.entity.Catalog;
import dev.cpq.catalog.version.entity.CatalogStatus;
import dev.cpq.catalog.version.entity.Catalogs;
import dev.cpq.platform.security.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaCatalogs implements Catalogs {

    @PersistenceContext(unitName = "catalog")
    EntityManager em;

    private TenantContext tenant;

    protected JpaCatalogs() {}

    @Inject
    public JpaCatalogs(TenantContext tenant) {
        this.tenant = tenant;
    }

    @Override
    public Optional<Catalog> active() {
        return em.createQuery("SELECT c FROM Catalog c WHERE c.tenantId = :tenant AND c.status = :status", Catalog.class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("status", CatalogStatus.PUBLISHED)
                .getResultStream()
                .findFirst();
    }
}
