package dev.cpq.pricing.pricelist.control;

import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.pricing.money.entity.Money;
import dev.cpq.pricing.pricelist.entity.PriceEntries;
import dev.cpq.pricing.pricelist.entity.PriceEntry;
import dev.cpq.pricing.pricelist.entity.PriceList;
import dev.cpq.pricing.pricelist.entity.PriceListId;
import dev.cpq.pricing.pricelist.entity.PriceListVersion;
import dev.cpq.pricing.pricelist.entity.PricePoint;
import dev.cpq.pricing.pricelist.entity.PriceScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaPriceEntries implements PriceEntries {

    @PersistenceContext(unitName = "pricing")
    EntityManager em;

    private TenantContext tenant;

    protected JpaPriceEntries() {}

    @Inject
    public JpaPriceEntries(TenantContext tenant) {
        this.tenant = tenant;
    }

    @Override
    public List<PriceEntry> of(PriceList version) {
        return em.createQuery("SELECT e FROM PriceEntry e WHERE e.tenantId = :tenant AND e.priceListRef = :ref"
                        + " ORDER BY e.offeringId, e.currency, e.market, e.channel", PriceEntry.class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("ref", version.id())
                .getResultList();
    }

    @Override
    public List<PriceEntry> ofOffering(PriceList version, String offeringId) {
        return em.createQuery("SELECT e FROM PriceEntry e WHERE e.tenantId = :tenant AND e.priceListRef = :ref AND e.offeringId = :offering"
                        + " ORDER BY e.currency, e.market, e.channel", PriceEntry.class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("ref", version.id())
                .setParameter("offering", offeringId)
                .getResultList();
    }

    @Override
    public List<PriceScope> scopesOf(PriceList version) {
        List<Object[]> rows = em.createQuery("SELECT DISTINCT e.currency, e.market, e.channel FROM PriceEntry e"
                        + " WHERE e.tenantId = :tenant AND e.priceListRef = :ref ORDER BY e.currency, e.market, e.channel", Object[].class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("ref", version.id())
                .getResultList();
        return rows.stream().map(r -> PriceScope.of((String) r[0], (String) r[1], (String) r[2])).toList();
    }

    @Override
    public Optional<PricePoint> find(PriceListId id, PriceListVersion version, String offeringId, PriceScope scope) {
        List<?> rows = em.createQuery("SELECT e.oneTime, e.recurringMonthly FROM PriceEntry e, PriceList p"
                        + " WHERE p.id = e.priceListRef AND p.tenantId = :tenant AND e.tenantId = :tenant"
                        + " AND p.priceListId = :list AND p.versionNo = :version AND e.offeringId = :offering"
                        + " AND e.currency = :currency AND e.market = :market AND e.channel = :channel")
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("list", id.value())
                .setParameter("version", version.sequence())
                .setParameter("offering", offeringId)
                .setParameter("currency", scope.currencyCode())
                .setParameter("market", scope.market())
                .setParameter("channel", scope.channel())
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] amounts = (Object[]) row;
            return new PricePoint(scope, Money.of((BigDecimal) amounts[0], scope.currency()), Money.of((BigDecimal) amounts[1], scope.currency()));
        });
    }

    @Override
    public void removeOffering(PriceList draft, String offeringId) {
        // a bulk delete runs now, so the replacing rows of the same scopes do not meet the unique index first
        em.createQuery("DELETE FROM PriceEntry e WHERE e.tenantId = :tenant AND e.priceListRef = :ref AND e.offeringId = :offering")
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("ref", draft.id())
                .setParameter("offering", offeringId)
                .executeUpdate();
    }

    @Override
    public void add(PriceEntry entry) {
        em.persist(entry);
    }

    @Override
    public int copy(PriceList source, PriceList target) {
        // one set-based statement: a large list is copied without loading it
        return em.createNativeQuery("INSERT INTO price_list_entry (price_list_ref, tenant_id, offering_id, currency, market, channel,"
                        + " one_time, recurring_monthly)"
                        + " SELECT ?1, tenant_id, offering_id, currency, market, channel, one_time, recurring_monthly"
                        + " FROM price_list_entry WHERE price_list_ref = ?2 AND tenant_id = ?3")
                .setParameter(1, target.id())
                .setParameter(2, source.id())
                .setParameter(3, tenant.tenant().value())
                .executeUpdate();
    }
}
