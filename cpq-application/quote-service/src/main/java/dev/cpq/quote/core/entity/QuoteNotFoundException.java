package dev.cpq.quote.core.entity;

import dev.cpq.platform.problem.entity.ResourceNotFoundException;

/** No such quote in the caller's tenant (another tenant's quote answers exactly alike). */
public class QuoteNotFoundException extends ResourceNotFoundException {

    private static final long serialVersionUID = 1L;

    public QuoteNotFoundException(String quoteId) {
        super("QUOTE_NOT_FOUND", "No quote " + quoteId + ".");
    }
}
