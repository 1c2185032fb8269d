package dev.cpq.quote.acceptance.control;

import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.quote.acceptance.entity.QuoteSnapshot;
import dev.cpq.quote.acceptance.entity.QuoteSnapshots;
import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.core.entity.RevisionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaQuoteSnapshots implements QuoteSnapshots {

    @PersistenceContext(unitName = "quote")
    EntityManager em;

    private TenantContext tenant;

    protected JpaQuoteSnapshots() {}

    @Inject
    public JpaQuoteSnapshots(TenantContext tenant) {
        this.tenant = tenant;
    }

    @Override
    public void add(QuoteSnapshot snapshot) {
        em.persist(snapshot);
        em.flush();
    }

    @Override
    public Optional<QuoteSnapshot> of(QuoteId quote, RevisionId revision) {
        return em.createQuery("SELECT s FROM QuoteSnapshot s WHERE s.tenantId = :tenant AND s.quoteId = :quote AND s.revisionId = :revision",
                        QuoteSnapshot.class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("quote", quote.toString())
                .setParameter("revision", revision.toString())
                .getResultStream()
                .findFirst();
    }
}
