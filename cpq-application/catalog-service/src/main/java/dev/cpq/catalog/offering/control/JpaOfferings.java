package dev.cpq.catalog.offering.control;

import dev.cpq.catalog.offering.entity.Offering;
import dev.cpq.catalog.offering.entity.Offerings;
import dev.cpq.platform.security.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaOfferings implements Offerings {

    @PersistenceContext(unitName = "catalog")
    EntityManager em;

    private TenantContext tenant;

    protected JpaOfferings() {}

    @Inject
    public JpaOfferings(TenantContext tenant) {
        this.tenant = tenant;
    }

    @Override
    public Optional<Offering> find(long catalogId, String offeringId) {
        return em.createQuery("SELECT o FROM Offering o WHERE o.tenantId = :tenant AND o.catalogId = :catalog AND o.offeringId = :id",
                        Offering.class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("catalog", catalogId)
                .setParameter("id", offeringId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Offering> ofFamily(long catalogId, String family) {
        return em.createQuery("SELECT o FROM Offering o WHERE o.tenantId = :tenant AND o.catalogId = :catalog AND o.family = :family"
                        + " ORDER BY o.offeringId", Offering.class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("catalog", catalogId)
                .setParameter("family", family)
                .getResultList();
    }

    @Override
    public List<Offering> all(long catalogId) {
        return em.createQuery("SELECT o FROM Offering o WHERE o.tenantId = :tenant AND o.catalogId = :catalog ORDER BY o.offeringId",
                        Offering.class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("catalog", catalogId)
                .getResultList();
    }

    @Override
    public void add(Offering offering) {
        em.persist(offering);
    }

    @Override
    public void copyAll(long fromCatalogId, long toCatalogId) {
        em.createNativeQuery("INSERT INTO catalog_offering (catalog_id, tenant_id, offering_id, name, family, options)"
                        + " SELECT ?1, tenant_id, offering_id, name, family, options FROM catalog_offering"
                        + " WHERE catalog_id = ?2 AND tenant_id = ?3")
                .setParameter(1, toCatalogId)
                .setParameter(2, fromCatalogId)
                .setParameter(3, tenant.tenant().value())
                .executeUpdate();
    }
}
