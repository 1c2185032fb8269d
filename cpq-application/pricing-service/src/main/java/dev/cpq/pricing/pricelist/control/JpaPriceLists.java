package dev.cpq.pricing.pricelist.control;

import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.pricing.pricelist.entity.ActiveTerms;
import dev.cpq.pricing.pricelist.entity.PriceList;
import dev.cpq.pricing.pricelist.entity.PriceListId;
import dev.cpq.pricing.pricelist.entity.PriceListStatus;
import dev.cpq.pricing.pricelist.entity.PriceListVersion;
import dev.cpq.pricing.pricelist.entity.PriceLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

@ApplicationScoped
public class JpaPriceLists implements PriceLists {

    @PersistenceContext(unitName = "pricing")
    EntityManager em;

    private TenantContext tenant;

    protected JpaPriceLists() {}

    @Inject
    public JpaPriceLists(TenantContext tenant) {
        this.tenant = tenant;
    }

    @Override
    public Optional<PriceList> active(PriceListId id) {
        return em.createQuery("SELECT p FROM PriceList p WHERE p.tenantId = :tenant AND p.priceListId = :id AND p.status = :status",
                        PriceList.class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("id", id.value())
                .setParameter("status", PriceListStatus.PUBLISHED)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<ActiveTerms> activeTerms(PriceListId id) {
        // one statement: the policy version comes along as a sub-select (a second query cost a round trip and a pooled connection)
        return em.createQuery("SELECT p, (SELECT MAX(a.policyVersion) FROM ApprovalPolicy a WHERE a.tenantId = :tenant) FROM PriceList p"
                        + " WHERE p.tenantId = :tenant AND p.priceListId = :id AND p.status = :status", Object[].class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("id", id.value())
                .setParameter("status", PriceListStatus.PUBLISHED)
                .getResultStream()
                .findFirst()
                .map(row -> new ActiveTerms((PriceList) row[0], row[1] == null ? 0 : ((Number) row[1]).longValue()));
    }

    @Override
    public Optional<java.time.Instant> firstPublishedAfter(PriceListId id, long version) {
        // ordered rather than MIN(): the attribute's converter applies to selected attributes, not to aggregates
        return em.createQuery("SELECT p.publishedAt FROM PriceList p WHERE p.tenantId = :tenant AND p.priceListId = :id"
                        + " AND p.versionNo > :version AND p.publishedAt IS NOT NULL ORDER BY p.publishedAt", java.time.Instant.class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("id", id.value())
                .setParameter("version", version)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<PriceList> newest(PriceListId id) {
        return em.createQuery("SELECT p FROM PriceList p WHERE p.tenantId = :tenant AND p.priceListId = :id ORDER BY p.versionNo DESC",
                        PriceList.class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("id", id.value())
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<PriceList> byVersion(PriceListId id, PriceListVersion version) {
        return byVersion(id, version, LockModeType.NONE);
    }

    @Override
    public Optional<PriceList> byVersionForChange(PriceListId id, PriceListVersion version) {
        return byVersion(id, version, LockModeType.PESSIMISTIC_WRITE);
    }

    private Optional<PriceList> byVersion(PriceListId id, PriceListVersion version, LockModeType lock) {
        return em.createQuery("SELECT p FROM PriceList p WHERE p.tenantId = :tenant AND p.priceListId = :id AND p.versionNo = :version",
                        PriceList.class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("id", id.value())
                .setParameter("version", version.sequence())
                .setLockMode(lock)
                .getResultStream()
                .findFirst();
    }

    @Override
    public boolean exists(PriceListId id) {
        return !em.createQuery("SELECT p.id FROM PriceList p WHERE p.tenantId = :tenant AND p.priceListId = :id", Long.class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("id", id.value())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public List<PriceListId> ids(int limit) {
        return em.createQuery("SELECT DISTINCT p.priceListId FROM PriceList p WHERE p.tenantId = :tenant ORDER BY p.priceListId", String.class)
                .setParameter("tenant", tenant.tenant().value())
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(PriceListId::new)
                .toList();
    }

    @Override
    public List<PriceList> publishedAndDrafts() {
        return em.createQuery("SELECT p FROM PriceList p WHERE p.tenantId = :tenant AND p.status <> :superseded"
                        + " ORDER BY p.priceListId, p.versionNo DESC", PriceList.class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("superseded", PriceListStatus.SUPERSEDED)
                .getResultList();
    }

    @Override
    public Map<PriceListId, OptionalLong> activeVersions() {
        List<?> rows = em.createNativeQuery("SELECT price_list_id, max(version_no) FILTER (WHERE status = 'PUBLISHED')"
                        + " FROM price_list WHERE tenant_id = ?1 GROUP BY price_list_id ORDER BY price_list_id")
                .setParameter(1, tenant.tenant().value())
                .getResultList();
        Map<PriceListId, OptionalLong> versions = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            versions.put(new PriceListId((String) columns[0]),
                    columns[1] == null ? OptionalLong.empty() : OptionalLong.of(((Number) columns[1]).longValue()));
        }
        return versions;
    }

    @Override
    public void lockPublication(PriceListId id) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('price-list-publication:' || ?1 || ':' || ?2))")
                .setParameter(1, tenant.tenant().value())
                .setParameter(2, id.value())
                .getSingleResult();
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public void touch(PriceList priceList) {
        em.lock(priceList, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        em.flush();
    }

    @Override
    public PriceListVersion nextVersion(PriceListId id) {
        // atomic per (tenant, list); starts above versions that exist without a counter (seeded data)
        Object next = em.createNativeQuery("INSERT INTO price_list_version_counter (tenant_id, price_list_id, last_version)"
                        + " SELECT ?1, ?2, coalesce(max(version_no), 0) + 1 FROM price_list WHERE tenant_id = ?1 AND price_list_id = ?2"
                        + " ON CONFLICT (tenant_id, price_list_id) DO UPDATE SET last_version = price_list_version_counter.last_version + 1"
                        + " RETURNING last_version")
                .setParameter(1, tenant.tenant().value())
                .setParameter(2, id.value())
                .getSingleResult();
        return new PriceListVersion(((Number) next).longValue());
    }

    @Override
    public void add(PriceList priceList) {
        em.persist(priceList);
        em.flush();
    }
}
