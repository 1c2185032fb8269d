package dev.cpq.quote.acceptance.entity;

import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.core.entity.RevisionId;
import java.util.Optional;

/** The accepted snapshots of the current tenant's quotes. */
public interface QuoteSnapshots {

    /** Writes it now: a second snapshot of the quote fails on the database's one-per-quote constraint. */
    void add(QuoteSnapshot snapshot);

    Optional<QuoteSnapshot> of(QuoteId quote, RevisionId revision);
}
