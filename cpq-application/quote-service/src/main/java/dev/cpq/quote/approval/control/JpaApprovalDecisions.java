package dev.cpq.quote.approval.control;

import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.quote.approval.entity.ApprovalDecision;
import dev.cpq.quote.approval.entity.ApprovalDecisions;
import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.core.entity.RevisionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class JpaApprovalDecisions implements ApprovalDecisions {

    @PersistenceContext(unitName = "quote")
    EntityManager em;

    private TenantContext tenant;

    protected JpaApprovalDecisions() {}

    @Inject
    public JpaApprovalDecisions(TenantContext tenant) {
        this.tenant = tenant;
    }

    @Override
    public void add(ApprovalDecision decision) {
        em.persist(decision);
        em.flush();
    }

    @Override
    public List<ApprovalDecision> on(QuoteId quote, RevisionId revision, UUID priceResultId, int approvalRound) {
        return em.createQuery("SELECT d FROM ApprovalDecision d WHERE d.tenantId = :tenant AND d.quoteId = :quote AND d.revisionId = :revision"
                        + " AND d.priceResultId = :price AND d.approvalRound = :round ORDER BY d.id", ApprovalDecision.class)
                .setParameter("round", approvalRound)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("quote", quote.toString())
                .setParameter("revision", revision.toString())
                .setParameter("price", priceResultId.toString())
                .getResultList();
    }

    @Override
    public List<ApprovalDecision> of(QuoteId quote) {
        return em.createQuery("SELECT d FROM ApprovalDecision d WHERE d.tenantId = :tenant AND d.quoteId = :quote ORDER BY d.id",
                        ApprovalDecision.class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("quote", quote.toString())
                .getResultList();
    }
}
