package dev.cpq.quote.core.entity;

import java.util.List;
import java.util.Optional;

/** The quotes of the current tenant. Implementations always scope by the caller's tenant. */
public interface Quotes {

    Optional<Quote> byId(QuoteId id);

    /**
     * The quote, row-locked for the rest of the transaction: commands on one quote (and the expiry sweep)
     * run one after the other, so the second sees the first's version and is refused, never half-applied.
     */
    Optional<Quote> byIdForChange(QuoteId id);

    /** {@link #byIdForChange}, or 404: what every command's change step loads. */
    default Quote lockedById(QuoteId id) {
        return byIdForChange(id).orElseThrow(() -> new QuoteNotFoundException(id.toString()));
    }

    void add(Quote quote);

    /** Writes pending changes now, so the new row version (the ETag) is known inside the transaction. */
    void flush();

    /** A worklist page, newest first, after the given position. */
    List<Quote> page(Optional<QuoteStatus> status, Optional<String> customerId, Optional<Position> after, int limit);

    /** Where a worklist page ended: the creation sequence of its last quote. */
    record Position(long seq) {}
}
