package dev.cpq.pricing.approval.control;

import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.pricing.approval.entity.ApprovalPolicies;
import dev.cpq.pricing.approval.entity.ApprovalPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;

@ApplicationScoped
public class JpaApprovalPolicies implements ApprovalPolicies {

    private static final String UNIQUE_VIOLATION = "23505";

    @PersistenceContext(unitName = "pricing")
    EntityManager em;

    private TenantContext tenant;

    protected JpaApprovalPolicies() {}

    @Inject
    public JpaApprovalPolicies(TenantContext tenant) {
        this.tenant = tenant;
    }

    @Override
    public Optional<ApprovalPolicy> current() {
        return em.createQuery("SELECT p FROM ApprovalPolicy p WHERE p.tenantId = :tenant ORDER BY p.policyVersion DESC", ApprovalPolicy.class)
                .setParameter("tenant", tenant.tenant().value())
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<java.time.Instant> firstPublishedAfter(long policyVersion) {
        // the next version's creation: versions are appended in order
        return em.createQuery("SELECT p.createdAt FROM ApprovalPolicy p WHERE p.tenantId = :tenant AND p.policyVersion > :version"
                        + " ORDER BY p.policyVersion", java.time.Instant.class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("version", policyVersion)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    @Override
    public OptionalLong currentVersion() {
        Long version = em.createQuery("SELECT max(p.policyVersion) FROM ApprovalPolicy p WHERE p.tenantId = :tenant", Long.class)
                .setParameter("tenant", tenant.tenant().value())
                .getSingleResult();
        return version == null ? OptionalLong.empty() : OptionalLong.of(version);
    }

    @Override
    public Optional<ApprovalPolicy> byVersion(long policyVersion) {
        return em.createQuery("SELECT p FROM ApprovalPolicy p WHERE p.tenantId = :tenant AND p.policyVersion = :version", ApprovalPolicy.class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("version", policyVersion)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void lockChanges() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('approval-policy:' || ?1))")
                .setParameter(1, tenant.tenant().value())
                .getSingleResult();
    }

    @Override
    public boolean add(ApprovalPolicy policy) {
        try {
            em.persist(policy);
            em.flush();
            return true;
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
