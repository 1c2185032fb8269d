package dev.cpq.quote.drafting.control;

import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.quote.authority.control.OutsideTransaction;
import dev.cpq.quote.authority.entity.PriceListOffers;
import dev.cpq.quote.drafting.entity.Quote;
import dev.cpq.quote.drafting.entity.QuoteId;
import dev.cpq.quote.drafting.entity.QuoteNotFoundException;
import dev.cpq.quote.drafting.entity.Quotes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Opening a quote and applying validated lines: the two writes of drafting. */
@ApplicationScoped
public class QuoteDrafting {

    public static final String CREATE = "quote.create";
    public static final String REPLACE_LINES = "quote.replace-lines";

    private Quotes quotes;
    private AuditTrail audit;
    private TenantContext tenant;
    private PriceListOffers offers;
    private OutsideTransaction outside;
    private final Clock clock = Clock.systemUTC();

    protected QuoteDrafting() {}

    @Inject
    public QuoteDrafting(Quotes quotes, AuditTrail audit, TenantContext tenant, PriceListOffers offers, OutsideTransaction outside) {
        this.quotes = quotes;
        this.audit = audit;
        this.tenant = tenant;
        this.offers = offers;
        this.outside = outside;
    }

    /**
     * Runs in the idempotent command's transaction. The price list must be published and price in the
     * quote's currency, market and channel, as pricing's database says (asked with the transaction
     * suspended): a quote that could never be priced is not opened.
     */
    public Quote create(String customerId, String currency, String market, String channel, String priceListId, Instant validUntil) {
        outside.run(() -> offers.offerOf(priceListId)).requireOffered(currency, market, channel);
        Quote quote = Quote.create(QuoteId.random(), tenant.tenant().value(), customerId, currency, market, channel, priceListId,
                tenant.caller().subject(), validUntil, clock.instant());
        quote.ownedBy(tenant.caller().roles());
        quotes.add(quote);
        audit.succeeded(AuditedChange.created("Quote", quote.id().toString(), CREATE, quote.status().name(), quote.rowVersion()));
        return quote;
    }

    /**
     * Applies lines catalog validated, in a transaction of its own: the row lock orders it after any
     * concurrent command, and If-Match is checked again under it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Quote applyLines(QuoteId id, ExpectedVersion expected, LineConfiguring.Configured configured) {
        Quote quote = quotes.byIdForChange(id).orElseThrow(() -> new QuoteNotFoundException(id.toString()));
        long before = quote.rowVersion();
        String from = quote.status().name();
        expected.check("QUOTE", before);
        quote.replaceLines(configured.lines(), configured.catalogVersion(), clock.instant());
        quotes.flush();
        audit.succeeded(new AuditedChange("Quote", id.toString(), REPLACE_LINES, from, quote.status().name(), before, quote.rowVersion()));
        return quote;
    }
}
