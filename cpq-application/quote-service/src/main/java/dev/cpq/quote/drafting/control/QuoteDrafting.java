package dev.cpq.quote.drafting.control;

import dev.cpq.platform.command.entity.Command;
import dev.cpq.platform.command.entity.ReadAhead;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.problem.entity.InvalidRequestException;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.quote.authority.entity.PriceListOffers;
import dev.cpq.quote.core.entity.LineChoice;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.core.entity.QuoteNotFoundException;
import dev.cpq.quote.core.entity.Quotes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Editing drafts: opening a quote, and replacing its lines with lines catalog configured. */
@ApplicationScoped
public class QuoteDrafting {

    public static final String CREATE = "quote.create";
    public static final String REPLACE_LINES = "quote.replace-lines";

    private Quotes quotes;
    private LineConfiguring configuring;
    private TenantContext tenant;
    private PriceListOffers offers;
    private final Clock clock = Clock.systemUTC();

    protected QuoteDrafting() {}

    @Inject
    public QuoteDrafting(Quotes quotes, LineConfiguring configuring, TenantContext tenant, PriceListOffers offers) {
        this.quotes = quotes;
        this.configuring = configuring;
        this.tenant = tenant;
        this.offers = offers;
    }

    /**
     * The price list must be published and price in the quote's currency, market and channel, as pricing's
     * database says (asked with the transaction suspended): a quote that could never be priced is not opened.
     */
    public Command<Void, Void, Quote> create(String customerId, String currency, String market, String channel, String priceListId,
            Instant validUntil) {
        return new Command<>(CREATE, ReadAhead::nothing, nothing -> {
            offers.offerOf(priceListId).requireOffered(currency, market, channel);
            return null;
        }, offered -> open(customerId, currency, market, channel, priceListId, validUntil));
    }

    Quote open(String customerId, String currency, String market, String channel, String priceListId, Instant validUntil) {
        Quote quote;
        try {
            quote = Quote.create(QuoteId.random(), tenant.tenant().value(), customerId, currency, market, channel, priceListId,
                    tenant.caller().subject(), validUntil, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("validUntil", e.getMessage());
        }
        quote.ownedBy(tenant.caller().roles());
        quotes.add(quote);
        return quote;
    }

    /**
     * {@code PUT /quotes/{id}/lines}: a fast precondition and state check on the quote as read (no point
     * asking catalog for a command that will be refused), the lines validated by catalog-service with no
     * transaction open, then the locked write that checks If-Match again. Never retried on a conflict: the
     * seller decides again.
     */
    public Command<Quote, LineConfiguring.Configured, Quote> replaceLines(QuoteId id, ExpectedVersion expected, List<LineChoice> choices) {
        return new Command<>(REPLACE_LINES, () -> ReadAhead.of(() -> quotes.byId(id).orElseThrow(() -> new QuoteNotFoundException(id.toString()))),
                seen -> configure(seen.get(), expected, choices), configured -> applyLines(id, expected, configured));
    }

    LineConfiguring.Configured configure(Quote seen, ExpectedVersion expected, List<LineChoice> choices) {
        expected.check("QUOTE", seen.rowVersion());
        seen.requireEditable(clock.instant());
        return configuring.configure(choices);
    }

    Quote applyLines(QuoteId id, ExpectedVersion expected, LineConfiguring.Configured configured) {
        Quote quote = quotes.lockedById(id);
        expected.check("QUOTE", quote.rowVersion());
        quote.replaceLines(configured.lines(), configured.catalogVersion(), clock.instant());
        quotes.flush();
        return quote;
    }
}
