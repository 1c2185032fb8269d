package dev.cpq.quote.drafting.control;

import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.core.entity.QuoteNotFoundException;
import dev.cpq.quote.core.entity.QuoteStatus;
import dev.cpq.quote.core.entity.Quotes;
import dev.cpq.quote.drafting.entity.WorklistCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Reads of quotes, always from the database. */
@ApplicationScoped
public class QuoteQueries {

    /** One worklist page and the cursor of the next (empty on the last page). */
    public record Page(List<Quote> quotes, Optional<String> nextCursor) {}

    private Quotes quotes;

    protected QuoteQueries() {}

    @Inject
    public QuoteQueries(Quotes quotes) {
        this.quotes = quotes;
    }

    /** @throws QuoteNotFoundException for an unknown id and for another tenant's quote alike */
    public Quote byId(String quoteId) {
        return QuoteId.parse(quoteId).flatMap(quotes::byId).orElseThrow(() -> new QuoteNotFoundException(quoteId));
    }

    /** @param cursor a cursor of an earlier page (already decoded), or empty for the first page */
    public Page page(Optional<QuoteStatus> status, Optional<String> customerId, Optional<Quotes.Position> cursor, int limit) {
        List<Quote> found = quotes.page(status, customerId, cursor, limit + 1);
        if (found.size() <= limit) {
            return new Page(found, Optional.empty());
        }
        List<Quote> page = found.subList(0, limit);
        Quote last = page.get(limit - 1);
        return new Page(List.copyOf(page), Optional.of(WorklistCursor.encode(new Quotes.Position(last.seq().orElseThrow()))));
    }
}
