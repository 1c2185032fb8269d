package dev.cpq.quote.summary.control;

import dev.cpq.cache.invalidation.CacheInvalidation;
import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.key.CacheKey;
import dev.cpq.cache.key.LiveCacheKeys;
import dev.cpq.platform.cache.control.CachedReads;
import dev.cpq.platform.command.entity.AggregateChanged;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.platform.security.entity.Caller;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.core.entity.QuoteNotFoundException;
import dev.cpq.quote.core.entity.Quotes;
import dev.cpq.quote.summary.entity.QuoteSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The quote summary through cpq-cache's live (invalidate-on-write) quote summary key: read through the
 * cache, deleted after every committed change of the quote (the delete also revokes a fill lease, so a
 * read that started before the commit cannot write the old summary back). A failed delete is logged,
 * not raised: the change is committed, and the entry's short TTL bounds the staleness.
 */
@ApplicationScoped
public class QuoteSummaries {

    private static final Logger LOG = Logger.getLogger(QuoteSummaries.class.getName());

    private Quotes quotes;
    private CachedReads cachedReads;
    private CacheInvalidation invalidation;
    private TenantContext tenant;

    protected QuoteSummaries() {}

    @Inject
    public QuoteSummaries(Quotes quotes, CachedReads cachedReads, CacheInvalidation invalidation, TenantContext tenant) {
        this.quotes = quotes;
        this.cachedReads = cachedReads;
        this.invalidation = invalidation;
        this.tenant = tenant;
    }

    public QuoteSummary summary(String quoteId) {
        QuoteId id = QuoteId.parse(quoteId).orElseThrow(() -> new QuoteNotFoundException(quoteId));
        QuoteSummary summary = cachedReads.projection(key(tenant.tenant().value(), id.toString()), QuoteSummary.class,
                () -> QuoteSummary.of(quotes.byId(id).orElseThrow(() -> new QuoteNotFoundException(quoteId))));
        // the cache is shared by everyone of the tenant: a partner reads its own quotes only (same 404 as unknown)
        Caller caller = tenant.caller();
        if (caller.hasRole(Roles.PARTNER) && !caller.subject().equals(summary.createdBy())) {
            throw new QuoteNotFoundException(quoteId);
        }
        return summary;
    }

    /** After a command on a quote committed; never for one that rolled back (the pipeline fires inside the transaction). */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AggregateChanged change) {
        if (Quote.TYPE.equals(change.aggregateType())) {
            invalidate(change.tenant(), change.aggregateId());
        }
    }

    /** After a system task (the expiry sweep) committed. */
    public void invalidate(String tenantId, String quoteId) {
        try {
            invalidation.invalidate(key(tenantId, quoteId));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "could not invalidate the summary of quote " + quoteId + "; its TTL bounds the staleness");
        }
    }

    /** A quote's worklist card: a live key, deleted after every change. */
    private static CacheKey key(String tenantId, String quoteId) {
        return LiveCacheKeys.of(tenantId, CacheDomain.QUOTE_SUMMARY, "quote", quoteId, "summary");
    }
}
