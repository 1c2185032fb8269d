package dev.cpq.quote.acceptance.entity;

import dev.cpq.platform.problem.entity.ResourceNotFoundException;

/** The revision was not accepted (or is unknown): there is no snapshot of it. */
public class QuoteSnapshotNotFoundException extends ResourceNotFoundException {

    private static final long serialVersionUID = 1L;

    public QuoteSnapshotNotFoundException(String quoteId, String revisionId) {
        super("QUOTE_SNAPSHOT_NOT_FOUND", "Quote " + quoteId + " has no accepted snapshot of revision " + revisionId + ".");
    }
}
