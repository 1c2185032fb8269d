package dev.cpq.catalog.offering.control;

import dev.cpq.catalog.offering.entity.Offering;
import dev.cpq.catalog.offering.entity.Offerings;
import dev.cpq.platform.security.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
    public void add(Offering offering) {
        em.persist(offering);
    }
}
