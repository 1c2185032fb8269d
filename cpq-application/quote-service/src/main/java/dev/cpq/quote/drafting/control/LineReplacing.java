package dev.cpq.quote.drafting.control;

import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.quote.drafting.entity.LineChoice;
import dev.cpq.quote.drafting.entity.Quote;
import dev.cpq.quote.drafting.entity.QuoteId;
import dev.cpq.quote.drafting.entity.QuoteNotFoundException;
import dev.cpq.quote.drafting.entity.Quotes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * {@code PUT /quotes/{id}/lines}: a fast precondition and state check (no point asking catalog for a
 * command that will be refused), the lines validated by catalog-service with no transaction open, then
 * the locked write that checks If-Match again ({@link QuoteDrafting#applyLines}). Never retried on a
 * conflict: the seller decides again.
 */
@ApplicationScoped
public class LineReplacing {

    private Quotes quotes;
    private LineConfiguring configuring;
    private QuoteDrafting drafting;
    private final Clock clock = Clock.systemUTC();

    protected LineReplacing() {}

    @Inject
    public LineReplacing(Quotes quotes, LineConfiguring configuring, QuoteDrafting drafting) {
        this.quotes = quotes;
        this.configuring = configuring;
        this.drafting = drafting;
    }

    public Quote replaceLines(QuoteId id, ExpectedVersion expected, List<LineChoice> choices) {
        Quote seen = quotes.byId(id).orElseThrow(() -> new QuoteNotFoundException(id.toString()));
        expected.check("QUOTE", seen.rowVersion());
        seen.requireEditable(clock.instant());
        LineConfiguring.Configured configured = configuring.configure(choices);
        return drafting.applyLines(id, expected, configured);
    }
}
