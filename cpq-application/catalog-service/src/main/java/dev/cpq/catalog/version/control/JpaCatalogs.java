package dev.cpq.catalog.version.control;

import dev.cpq.catalog.version.entity.Catalog;
import dev.cpq.catalog.version.entity.CatalogStatus;
import dev.cpq.catalog.version.entity.Catalogs;
import dev.cpq.platform.security.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import dev.cpq.catalog.version.entity.CatalogVersion;
import java.util.List;
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

    @Override
    public Optional<CatalogVersion> activeVersion() {
        return em.createQuery("SELECT c.versionNo FROM Catalog c WHERE c.tenantId = :tenant AND c.status = :status", Long.class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("status", CatalogStatus.PUBLISHED)
                .getResultStream()
                .findFirst()
                .map(CatalogVersion::new);
    }

    @Override
    public Optional<Catalog> byVersion(CatalogVersion version) {
        return byVersion(version, LockModeType.NONE);
    }

    @Override
    public Optional<Catalog> byVersionForChange(CatalogVersion version) {
        return byVersion(version, LockModeType.PESSIMISTIC_WRITE);
    }

    private Optional<Catalog> byVersion(CatalogVersion version, LockModeType lock) {
        return em.createQuery("SELECT c FROM Catalog c WHERE c.tenantId = :tenant AND c.versionNo = :version", Catalog.class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("version", version.sequence())
                .setLockMode(lock)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void lockPublication() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('catalog-publication:' || ?1))")
                .setParameter(1, tenant.tenant().value())
                .getSingleResult();
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public void touch(Catalog catalog) {
        em.lock(catalog, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        em.flush();
    }

    @Override
    public List<Catalog> all() {
        return em.createQuery("SELECT c FROM Catalog c WHERE c.tenantId = :tenant ORDER BY c.versionNo DESC", Catalog.class)
                .setParameter("tenant", tenant.tenant().value())
                .getResultList();
    }

    @Override
    public CatalogVersion nextVersion() {
        // atomic per tenant; starts above versions that exist without a counter (seeded data)
        Object next = em.createNativeQuery("INSERT INTO catalog_version_counter (tenant_id, last_version)"
                        + " SELECT ?1, coalesce(max(version_no), 0) + 1 FROM catalog WHERE tenant_id = ?1"
                        + " ON CONFLICT (tenant_id) DO UPDATE SET last_version = catalog_version_counter.last_version + 1"
                        + " RETURNING last_version")
                .setParameter(1, tenant.tenant().value())
                .getSingleResult();
        return new CatalogVersion(((Number) next).longValue());
    }

    @Override
    public void add(Catalog catalog) {
        em.persist(catalog);
        em.flush();
    }
}
