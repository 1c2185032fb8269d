package dev.cpq.quote.pricing.control;

import dev.cpq.platform.command.entity.Command;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.quote.authority.entity.PriceRequest;
import dev.cpq.quote.authority.entity.PriceResult;
import dev.cpq.quote.authority.entity.PricingAuthority;
import dev.cpq.quote.core.control.QuoteReadAhead;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.core.entity.Quotes;
import dev.cpq.quote.core.entity.RevisionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Pricing the current revision: the quote read before the Idempotency-Key is claimed; pricing-service asked
 * with the command's transaction suspended; then, locked, If-Match checked again and the result recorded.
 * A revision that changed while pricing answered is refused by that second check (412), never recorded.
 */
@ApplicationScoped
public class QuotePricing {

    public static final String PRICE = "quote.price";

    /** What pricing answered for the revision the seller saw. */
    public record Priced(RevisionId revision, PriceResult result) {}

    private Quotes quotes;
    private QuoteReadAhead readAhead;
    private PricingAuthority pricing;
    private final Clock clock = Clock.systemUTC();

    protected QuotePricing() {}

    @Inject
    public QuotePricing(Quotes quotes, QuoteReadAhead readAhead, PricingAuthority pricing) {
        this.quotes = quotes;
        this.readAhead = readAhead;
        this.pricing = pricing;
    }

    public Command<Quote, Priced, Quote> command(QuoteId id, ExpectedVersion expected) {
        return new Command<>(PRICE, () -> readAhead.of(id), seen -> ask(seen.get(), expected), priced -> record(id, expected, priced));
    }

    Priced ask(Quote seen, ExpectedVersion expected) {
        expected.check("QUOTE", seen.rowVersion());
        seen.requirePriceable(clock.instant());
        return new Priced(seen.revisionId(), pricing.price(requestOf(seen)));
    }

    Quote record(QuoteId id, ExpectedVersion expected, Priced priced) {
        Quote quote = quotes.lockedById(id);
        expected.check("QUOTE", quote.rowVersion());
        quote.recordPrice(priced.revision(), priced.result(), clock.instant());
        quotes.flush();
        return quote;
    }

    static PriceRequest requestOf(Quote q) {
        return new PriceRequest(q.priceListId(), q.catalogVersion().orElseThrow(), q.currency(), q.market(), q.channel(),
                q.lines().stream().map(l -> new PriceRequest.Line(l.offeringId(), l.options(), l.quantity(), l.termMonths(), l.discountPercent()))
                        .toList());
    }
}
