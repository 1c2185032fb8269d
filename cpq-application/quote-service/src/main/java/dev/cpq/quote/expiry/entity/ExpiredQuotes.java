package dev.cpq.quote.expiry.entity;

import java.util.List;

/** Quotes past their validity, across tenants: only the sweep, a system task, reads them so. */
public interface ExpiredQuotes {

    /**
     * Expires at most {@code limit} due quotes in the caller's transaction: rows another transaction has
     * locked (an accept in progress) are skipped and left to the next run; each expiry raises the quote's
     * version and is audited.
     */
    List<ExpiredQuote> expireDue(int limit);

    /** As {@link #expireDue(int)}, only among the quotes of {@code tenantId} (an operator's sweep acts on its own tenant only). */
    List<ExpiredQuote> expireDue(int limit, String tenantId);
}
