package dev.cpq.quote.submission.control;

import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.quote.submission.entity.CommitmentEvidence;
import dev.cpq.quote.submission.entity.CommitmentEvidences;
import dev.cpq.quote.submission.entity.SupersededDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class JpaCommitmentEvidences implements CommitmentEvidences {

    @PersistenceContext(unitName = "quote")
    EntityManager em;

    private TenantContext tenant;

    protected JpaCommitmentEvidences() {}

    @Inject
    public JpaCommitmentEvidences(TenantContext tenant) {
        this.tenant = tenant;
    }

    @Override
    public void record(CommitmentEvidence evidence) {
        em.persist(evidence);
        em.flush();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<CommitmentEvidence> unreconciledSince(Instant since, long afterId, int limit) {
        return em.createNativeQuery("SELECT e.* FROM quote_commitment_evidence e WHERE e.tenant_id = ? AND e.recorded_at >= ? AND e.id > ?"
                        + " AND NOT EXISTS (SELECT 1 FROM quote_superseded_decision f WHERE f.evidence_id = e.id) ORDER BY e.id LIMIT ?",
                        CommitmentEvidence.class)
                .setParameter(1, tenant.tenant().value())
                .setParameter(2, Timestamp.from(since))
                .setParameter(3, afterId)
                .setParameter(4, limit)
                .getResultList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> tenantsWithUnreconciledSince(Instant since) {
        return em.createNativeQuery("SELECT DISTINCT e.tenant_id FROM quote_commitment_evidence e WHERE e.recorded_at >= ?"
                        + " AND NOT EXISTS (SELECT 1 FROM quote_superseded_decision f WHERE f.evidence_id = e.id) ORDER BY e.tenant_id")
                .setParameter(1, Timestamp.from(since))
                .getResultList();
    }

    @Override
    public boolean recordSuperseded(SupersededDecision finding) {
        return em.createNativeQuery("INSERT INTO quote_superseded_decision (evidence_id, tenant_id, quote_id, domain, confirmed_version,"
                        + " newer_published_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (evidence_id) DO NOTHING")
                .setParameter(1, finding.evidenceId())
                .setParameter(2, tenant.tenant().value())
                .setParameter(3, finding.quoteId())
                .setParameter(4, finding.domain())
                .setParameter(5, finding.confirmedVersion())
                .setParameter(6, Timestamp.from(finding.newerPublishedAt()))
                .executeUpdate() == 1;
    }

    @Override
    public List<SupersededDecision> superseded(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT f.evidence_id, f.quote_id, e.command, e.outcome, f.domain, f.confirmed_version,"
                        + " f.newer_published_at, e.recorded_at FROM quote_superseded_decision f JOIN quote_commitment_evidence e ON e.id = f.evidence_id"
                        + " WHERE f.tenant_id = ? ORDER BY f.found_at DESC, f.evidence_id DESC LIMIT ?")
                .setParameter(1, tenant.tenant().value())
                .setParameter(2, limit)
                .getResultList();
        return rows.stream().map(r -> new SupersededDecision(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], ((Number) r[5]).longValue(), instant(r[6]), instant(r[7]))).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) value;
    }
}
