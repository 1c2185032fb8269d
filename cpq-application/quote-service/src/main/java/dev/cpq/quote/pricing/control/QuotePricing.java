package dev.cpq.quote.pricing.control;

import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.quote.authority.control.OutsideTransaction;
import dev.cpq.quote.authority.entity.PriceRequest;
import dev.cpq.quote.authority.entity.PriceResult;
import dev.cpq.quote.authority.entity.PricingAuthority;
import dev.cpq.quote.drafting.entity.Quote;
import dev.cpq.quote.drafting.entity.QuoteId;
import dev.cpq.quote.drafting.entity.QuoteNotFoundException;
import dev.cpq.quote.drafting.entity.Quotes;
import dev.cpq.quote.drafting.entity.RevisionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Pricing the current revision: read the quote and ask pricing-service with the command's transaction
 * suspended ({@link OutsideTransaction}), then, locked, check If-Match again and record the result. A
 * revision that changed while pricing answered is refused by that second check (412), never recorded.
 */
@ApplicationScoped
public class QuotePricing {

    public static final String PRICE = "quote.price";

    private record Priced(RevisionId revision, PriceResult result) {}

    private Quotes quotes;
    private PricingAuthority pricing;
    private OutsideTransaction outside;
    private AuditTrail audit;
    private final Clock clock = Clock.systemUTC();

    protected QuotePricing() {}

    @Inject
    public QuotePricing(Quotes quotes, PricingAuthority pricing, OutsideTransaction outside, AuditTrail audit) {
        this.quotes = quotes;
        this.pricing = pricing;
        this.outside = outside;
        this.audit = audit;
    }

    /** Runs in the idempotent command's transaction. */
    public Quote price(QuoteId id, ExpectedVersion expected) {
        Priced priced = outside.run(() -> {
            Quote seen = quotes.byId(id).orElseThrow(() -> new QuoteNotFoundException(id.toString()));
            expected.check("QUOTE", seen.rowVersion());
            seen.requirePriceable(clock.instant());
            return new Priced(seen.revisionId(), pricing.price(requestOf(seen)));
        });
        Quote quote = quotes.byIdForChange(id).orElseThrow(() -> new QuoteNotFoundException(id.toString()));
        long before = quote.rowVersion();
        String from = quote.status().name();
        expected.check("QUOTE", before);
        quote.recordPrice(priced.revision(), priced.result(), clock.instant());
        quotes.flush();
        audit.succeeded(new AuditedChange("Quote", id.toString(), PRICE, from, quote.status().name(), before, quote.rowVersion()));
        return quote;
    }

    static PriceRequest requestOf(Quote q) {
        return new PriceRequest(q.priceListId(), q.catalogVersion().orElseThrow(), q.currency(), q.market(), q.channel(),
                q.lines().stream().map(l -> new PriceRequest.Line(l.offeringId(), l.options(), l.quantity(), l.termMonths(), l.discountPercent()))
                        .toList());
    }
}
