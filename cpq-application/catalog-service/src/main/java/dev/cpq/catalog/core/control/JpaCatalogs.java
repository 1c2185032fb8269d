package dev.cpq.catalog.core.control;

import dev.cpq.catalog.core.entity.Catalog;
import dev.cpq.catalog.core.entity.CatalogStatus;
import dev.cpq.catalog.core.entity.CatalogVersion;
import dev.cpq.catalog.core.entity.CatalogVersionNotFoundException;
import dev.cpq.catalog.core.entity.Catalogs;
import dev.cpq.catalog.core.entity.Offering;
import dev.cpq.catalog.core.entity.RuleSet;
import dev.cpq.platform.publication.entity.LineName;
import dev.cpq.platform.security.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaCatalogs implements Catalogs {

    private static final LineName NAME = new LineName("CATALOG", "Catalog");

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
                .setParameter("tenant", tenant())
                .setParameter("status", CatalogStatus.PUBLISHED)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<CatalogVersion> activeVersion() {
        return em.createQuery("SELECT c.versionNo FROM Catalog c WHERE c.tenantId = :tenant AND c.status = :status", Long.class)
                .setParameter("tenant", tenant())
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
    public Catalog forChange(long version) {
        return byVersion(new CatalogVersion(version), LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new CatalogVersionNotFoundException(version));
    }

    private Optional<Catalog> byVersion(CatalogVersion version, LockModeType lock) {
        return em.createQuery("SELECT c FROM Catalog c WHERE c.tenantId = :tenant AND c.versionNo = :version", Catalog.class)
                .setParameter("tenant", tenant())
                .setParameter("version", version.sequence())
                .setLockMode(lock)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void lockPublication() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('catalog-publication:' || ?1))")
                .setParameter(1, tenant())
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
    public LineName name() {
        return NAME;
    }

    @Override
    public String auditId(Catalog version) {
        return Long.toString(version.version().sequence());
    }

    @Override
    public List<Catalog> all() {
        return em.createQuery("SELECT c FROM Catalog c WHERE c.tenantId = :tenant ORDER BY c.versionNo DESC", Catalog.class)
                .setParameter("tenant", tenant())
                .getResultList();
    }

    @Override
    public CatalogVersion nextVersion() {
        // atomic per tenant; starts above versions that exist without a counter (seeded data)
        Object next = em.createNativeQuery("INSERT INTO catalog_version_counter (tenant_id, last_version)"
                        + " SELECT ?1, coalesce(max(version_no), 0) + 1 FROM catalog WHERE tenant_id = ?1"
                        + " ON CONFLICT (tenant_id) DO UPDATE SET last_version = catalog_version_counter.last_version + 1"
                        + " RETURNING last_version")
                .setParameter(1, tenant())
                .getSingleResult();
        return new CatalogVersion(((Number) next).longValue());
    }

    @Override
    public void add(Catalog catalog) {
        em.persist(catalog);
        em.flush();
    }

    @Override
    public void copyContent(Catalog from, Catalog draft) {
        em.createNativeQuery("INSERT INTO catalog_offering (catalog_id, tenant_id, offering_id, name, family, options)"
                        + " SELECT ?1, tenant_id, offering_id, name, family, options FROM catalog_offering"
                        + " WHERE catalog_id = ?2 AND tenant_id = ?3")
                .setParameter(1, draft.id())
                .setParameter(2, from.id())
                .setParameter(3, tenant())
                .executeUpdate();
        em.createNativeQuery("INSERT INTO catalog_rule_set (catalog_id, tenant_id, family, rules)"
                        + " SELECT ?1, tenant_id, family, rules FROM catalog_rule_set WHERE catalog_id = ?2 AND tenant_id = ?3")
                .setParameter(1, draft.id())
                .setParameter(2, from.id())
                .setParameter(3, tenant())
                .executeUpdate();
    }

    @Override
    public Optional<Offering> offering(Catalog catalog, String offeringId) {
        return em.createQuery("SELECT o FROM Offering o WHERE o.tenantId = :tenant AND o.catalogId = :catalog AND o.offeringId = :id",
                        Offering.class)
                .setParameter("tenant", tenant())
                .setParameter("catalog", catalog.id())
                .setParameter("id", offeringId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Offering> offerings(Catalog catalog) {
        return em.createQuery("SELECT o FROM Offering o WHERE o.tenantId = :tenant AND o.catalogId = :catalog ORDER BY o.offeringId",
                        Offering.class)
                .setParameter("tenant", tenant())
                .setParameter("catalog", catalog.id())
                .getResultList();
    }

    @Override
    public List<Offering> offeringsOf(Catalog catalog, String family) {
        return em.createQuery("SELECT o FROM Offering o WHERE o.tenantId = :tenant AND o.catalogId = :catalog AND o.family = :family"
                        + " ORDER BY o.offeringId", Offering.class)
                .setParameter("tenant", tenant())
                .setParameter("catalog", catalog.id())
                .setParameter("family", family)
                .getResultList();
    }

    @Override
    public Optional<RuleSet> ruleSet(Catalog catalog, String family) {
        return em.createQuery("SELECT r FROM RuleSet r WHERE r.tenantId = :tenant AND r.catalogId = :catalog AND r.family = :family",
                        RuleSet.class)
                .setParameter("tenant", tenant())
                .setParameter("catalog", catalog.id())
                .setParameter("family", family)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void store(Offering offering) {
        em.persist(offering);
    }

    @Override
    public void store(RuleSet ruleSet) {
        em.persist(ruleSet);
    }

    private String tenant() {
        return tenant.tenant().value();
    }
}
