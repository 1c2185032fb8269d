package dev.cpq.catalog.rule.control;

import dev.cpq.catalog.rule.entity.RuleSet;
import dev.cpq.catalog.rule.entity.RuleSets;
import dev.cpq.platform.security.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaRuleSets implements RuleSets {

    @PersistenceContext(unitName = "catalog")
    EntityManager em;

    private TenantContext tenant;

    protected JpaRuleSets() {}

    @Inject
    public JpaRuleSets(TenantContext tenant) {
        this.tenant = tenant;
    }

    @Override
    public Optional<RuleSet> find(long catalogId, String family) {
        return em.createQuery("SELECT r FROM RuleSet r WHERE r.tenantId = :tenant AND r.catalogId = :catalog AND r.family = :family",
                        RuleSet.class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("catalog", catalogId)
                .setParameter("family", family)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void add(RuleSet ruleSet) {
        em.persist(ruleSet);
    }

    @Override
    public void copyAll(long fromCatalogId, long toCatalogId) {
        em.createNativeQuery("INSERT INTO catalog_rule_set (catalog_id, tenant_id, family, rules)"
                        + " SELECT ?1, tenant_id, family, rules FROM catalog_rule_set WHERE catalog_id = ?2 AND tenant_id = ?3")
                .setParameter(1, toCatalogId)
                .setParameter(2, fromCatalogId)
                .setParameter(3, tenant.tenant().value())
                .executeUpdate();
    }
}
