package dev.cpq.quote.core.control;

import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.platform.security.entity.Caller;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.core.entity.QuoteStatus;
import dev.cpq.quote.core.entity.Quotes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaQuotes implements Quotes {

    @PersistenceContext(unitName = "quote")
    EntityManager em;

    private TenantContext tenant;

    protected JpaQuotes() {}

    @Inject
    public JpaQuotes(TenantContext tenant) {
        this.tenant = tenant;
    }

    @Override
    public Optional<Quote> byId(QuoteId id) {
        return byId(id, LockModeType.NONE);
    }

    @Override
    public Optional<Quote> byIdForChange(QuoteId id) {
        return byId(id, LockModeType.PESSIMISTIC_WRITE);
    }

    private Optional<Quote> byId(QuoteId id, LockModeType lock) {
        Optional<String> owner = partnersOwnQuotesOnly();
        TypedQuery<Quote> query = em.createQuery("SELECT q FROM Quote q WHERE q.tenantId = :tenant AND q.quoteId = :id"
                        + (owner.isPresent() ? " AND q.createdBy = :owner" : ""), Quote.class)
                .setParameter("tenant", tenant.tenant().value())
                .setParameter("id", id.toString());
        owner.ifPresent(o -> query.setParameter("owner", o));
        return query.setLockMode(lock).getResultStream().findFirst();
    }

    /**
     * A partner reads and commands only the quotes it owns (API.md): another's is as unknown as an id that
     * does not exist, for every read and command, since all of them find quotes here.
     */
    private Optional<String> partnersOwnQuotesOnly() {
        Caller caller = tenant.caller();
        return caller.hasRole(Roles.PARTNER) ? Optional.of(caller.subject()) : Optional.empty();
    }

    @Override
    public void add(Quote quote) {
        em.persist(quote);
        em.flush();
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public List<Quote> page(Optional<QuoteStatus> status, Optional<String> customerId, Optional<Position> after, int limit) {
        Optional<String> owner = partnersOwnQuotesOnly();
        StringBuilder jpql = new StringBuilder("SELECT q FROM Quote q WHERE q.tenantId = :tenant");
        owner.ifPresent(o -> jpql.append(" AND q.createdBy = :owner"));
        status.ifPresent(s -> jpql.append(" AND q.status = :status"));
        customerId.ifPresent(c -> jpql.append(" AND q.customerId = :customer"));
        after.ifPresent(p -> jpql.append(" AND q.seq < :seq"));
        jpql.append(" ORDER BY q.seq DESC");
        TypedQuery<Quote> query = em.createQuery(jpql.toString(), Quote.class).setParameter("tenant", tenant.tenant().value());
        owner.ifPresent(o -> query.setParameter("owner", o));
        status.ifPresent(s -> query.setParameter("status", s));
        customerId.ifPresent(c -> query.setParameter("customer", c));
        after.ifPresent(p -> query.setParameter("seq", p.seq()));
        return query.setMaxResults(limit).getResultList();
    }
}
