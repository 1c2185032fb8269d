package dev.cpq.quote.expiry.control;

import dev.cpq.quote.expiry.entity.ExpiredQuote;
import dev.cpq.quote.expiry.entity.ExpiredQuotes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** One bounded batch of expiries in a transaction of its own: row locks are held only for one batch. */
@ApplicationScoped
public class ExpiryBatch {

    private ExpiredQuotes quotes;

    protected ExpiryBatch() {}

    @Inject
    public ExpiryBatch(ExpiredQuotes quotes) {
        this.quotes = quotes;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ExpiredQuote> run(int limit) {
        return quotes.expireDue(limit);
    }

    /** One batch among one tenant's quotes only. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ExpiredQuote> run(int limit, String tenantId) {
        return quotes.expireDue(limit, tenantId);
    }
}
